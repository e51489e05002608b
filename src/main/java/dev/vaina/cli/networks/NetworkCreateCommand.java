package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.NetworkRequest;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina network create`: a bridge network; prints its name. */
@Command(name = "create", description = "Create a bridge network.")
final class NetworkCreateCommand extends ContextCommand {
    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", description = "The network driver: bridge.")
    String driver = "bridge";

    @Option(names = "--subnet", paramLabel = "CIDR", description = "The subnet (default: a free 10.89.N.0/24).")
    String subnet;

    @Option(names = "--gateway", paramLabel = "IP", description = "The gateway (default: the subnet's first address).")
    String gateway;

    @Option(names = "--ip-range", paramLabel = "CIDR", description = "Hand containers addresses from this part of the subnet.")
    String ipRange;

    @Option(names = "--internal", description = "No route out of the network.")
    boolean internal;

    @Option(names = "--disable-dns", description = "No name resolution between the network's containers.")
    boolean disableDns;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Set a label.")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-o", "--opt"}, paramLabel = "KEY=VALUE", description = "A driver option.")
    List<String> options = new ArrayList<>();

    @Option(names = "--ignore", description = "A network of that name existing already is not an error: print its name.")
    boolean ignore;

    @Parameters(arity = "0..1", paramLabel = "NAME")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        if (ignore && name != null) {
            // Definition files create their network at every start (a .network unit): the second time is no error.
            var existing = context.engine().networks().lookup(name);
            if (existing.isPresent() && existing.get().name().equals(name)) {
                out().println(name);
                out().flush();
                return 0;
            }
        }
        if (options.stream().anyMatch(option -> !option.startsWith("mtu=") && !option.startsWith("vlan="))) {
            throw new InvalidSpecException("unsupported bridge network option " + options.get(0)
                    + ": vaina knows mtu and vlan");
        }
        Map<String, String> driverOptions = new LinkedHashMap<>();
        for (String option : options) {
            int equals = option.indexOf('=');
            driverOptions.put(option.substring(0, equals), option.substring(equals + 1));
        }
        var network = context.engine().networks().create(new NetworkRequest(name, driver, subnet, gateway, ipRange,
                internal, disableDns, Labels.parse(List.of(), labels), driverOptions));
        out().println(network.name());
        out().flush();
        return 0;
    }
}
