package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina pod exists`: exit 0 when the pod exists, 1 when it does not; prints nothing. */
@Command(name = "exists", description = "Check whether a pod exists (exit 0) or not (exit 1).")
final class PodExistsCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "POD")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        return context.engine().podStore().lookup(name).isPresent() ? 0 : 1;
    }
}
