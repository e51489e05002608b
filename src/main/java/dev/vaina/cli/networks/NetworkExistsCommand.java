package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina network exists`: exit 0 when the network exists, 1 when it does not; prints nothing. */
@Command(name = "exists", description = "Check whether a network exists (exit 0) or not (exit 1).")
final class NetworkExistsCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "NETWORK")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        return context.engine().networks().lookup(name).isPresent() ? 0 : 1;
    }
}
