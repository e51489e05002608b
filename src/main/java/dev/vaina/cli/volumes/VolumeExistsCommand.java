package dev.vaina.cli.volumes;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina volume exists`: exit 0 when the volume exists, 1 when it does not; prints nothing. */
@Command(name = "exists", description = "Check whether a volume exists (exit 0) or not (exit 1).")
final class VolumeExistsCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "VOLUME")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        return context.engine().volumeStore().lookup(name).isPresent() ? 0 : 1;
    }
}
