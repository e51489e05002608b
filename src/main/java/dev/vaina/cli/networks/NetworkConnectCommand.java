package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.spec.NetworkAttachment;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina network connect`: puts a container on another network, at once if it runs. */
@Command(name = "connect", description = "Connect a container to a network.")
final class NetworkConnectCommand extends ContextCommand {
    @Option(names = "--alias", paramLabel = "NAME", description = "Another name for the container on this network.")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IPV4", description = "The container's address on this network.")
    String ip;

    @Option(names = "--mac-address", paramLabel = "MAC", description = "The container's MAC address on this network.")
    String mac;

    @Mixin
    NetworkTarget target;

    @Override
    protected int execute(Context context) throws Exception {
        var networks = context.engine().networks();
        var definition = networks.find(target.network);
        var record = context.containers().find(target.container);
        networks.connect(definition, record, new NetworkAttachment(definition.name(), aliases, ip, mac));
        return 0;
    }
}
