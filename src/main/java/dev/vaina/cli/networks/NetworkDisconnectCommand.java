package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina network disconnect`: takes a container off a network, at once if it runs. */
@Command(name = "disconnect", description = "Disconnect a container from a network.")
final class NetworkDisconnectCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Accepted for Podman's sake; disconnecting never needs force.")
    boolean force;

    @Mixin
    NetworkTarget target;

    @Override
    protected int execute(Context context) throws Exception {
        var networks = context.engine().networks();
        var definition = networks.find(target.network);
        networks.disconnect(definition, context.containers().find(target.container));
        return 0;
    }
}
