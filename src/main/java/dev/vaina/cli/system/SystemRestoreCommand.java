package dev.vaina.cli.system;

import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import picocli.CommandLine.Command;

/**
 * `vaina system restore`: starts the containers that should be running after a reboot: --restart=always, and
 * unless-stopped unless the user stopped them (vaina-restart.service runs it at boot). Prints the names of the
 * containers it started; exits 125 if one of them failed to start, after trying all of them.
 */
@Command(name = "restore", description = "Start the --restart=always containers, and unless-stopped ones not stopped by the user.")
public final class SystemRestoreCommand extends ContextCommand {
    @Override
    protected int execute(Context context) throws Exception {
        boolean[] failed = {false};
        var started = context.engine().boot().restore((record, e) -> {
            failed[0] = true;
            err().println("Error: unable to start container " + record.name() + ": " + e.getMessage());
        });
        started.forEach(record -> out().println(record.name()));
        return failed[0] ? ExitCodes.ENGINE : 0;
    }
}
