package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import picocli.CommandLine.Command;

/**
 * `vaina system reconcile`: repairs what a crash or a reboot left behind (the boot-time cleanup unit runs it;
 * every other command repairs what it touches on its own).
 */
@Command(name = "reconcile", description = "Repair the state a crash or a reboot left behind.")
public final class SystemReconcileCommand extends ContextCommand {
    @Override
    protected int execute(Context context) throws Exception {
        for (String name : context.engine().boot().reconcile()) {
            out().println(name);
        }
        return 0;
    }
}
