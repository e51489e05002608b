package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ListVerb;
import dev.vaina.cli.common.Table;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.NetworkDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina network ls`: Podman's columns, --format, -q and filters. */
@Command(name = "ls", aliases = "list", description = {"List networks.",
    "Filters: name=REGEX, id=PREFIX, label=KEY[=VALUE], label!=KEY[=VALUE], driver=DRIVER."})
final class NetworkLsCommand extends ListVerb<NetworkDefinition> {
    @Option(names = "--no-trunc", description = "Do not truncate network IDs.")
    boolean noTrunc;

    @Option(names = {"-n", "--noheading"}, description = "Do not print the header row.")
    boolean noHeading;

    NetworkLsCommand() {
        super("ls");
    }

    @Override
    protected List<NetworkDefinition> rows(Context context) throws IOException {
        List<NetworkDefinition> networks = new ArrayList<>();
        // Loops, not lambdas, on a listing's way: a command's first lambda sets the JVM's method-handle machinery up.
        for (NetworkDefinition network : context.engine().networks().list()) {
            if (matchesAll(network)) {
                networks.add(network);
            }
        }
        return networks;
    }

    private boolean matchesAll(NetworkDefinition network) {
        for (String filter : filters) {
            if (!matches(filter, network)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected String identifier(NetworkDefinition network) {
        return network.name();
    }

    @Override
    protected Object json(NetworkDefinition network) {
        return network.podmanLayout();
    }

    @Override
    protected void printTable(List<NetworkDefinition> networks) {
        Table table = new Table("NETWORK ID", "NAME", "DRIVER").minimumWidth(12);
        for (NetworkDefinition n : networks) {
            table.add(noTrunc ? n.id() : n.shortId(), n.name(), n.driver());
        }
        if (noHeading) {
            table.printRows(out());
        } else {
            table.print(out());
        }
    }

    @Override
    protected List<?> templateData(Context context, List<NetworkDefinition> networks) {
        List<Object> structs = new ArrayList<>(); // a loop, not a stream's lambda: see PsRow.Field
        for (NetworkDefinition network : networks) {
            structs.add(NetworkRow.of(network, noTrunc));
        }
        return structs;
    }

    @Override
    protected Map<String, String> templateHeaders() {
        return noHeading ? null : NetworkRow.HEADERS;
    }

    static boolean matches(String filter, NetworkDefinition network) {
        int equals = filter.indexOf('=');
        String key = equals < 0 ? filter : filter.substring(0, equals);
        String value = equals < 0 ? "" : filter.substring(equals + 1);
        return switch (key) {
            case "name" -> Pattern.compile(value).matcher(network.name()).find();
            case "id" -> network.id().startsWith(value);
            case "driver" -> network.driver().equals(value);
            case "label" -> hasLabel(network, value);
            case "label!" -> !hasLabel(network, value);
            default -> throw new InvalidSpecException("invalid filter \"" + key + "\"");
        };
    }

    private static boolean hasLabel(NetworkDefinition network, String label) {
        int eq = label.indexOf('=');
        return eq < 0 ? network.labels().containsKey(label)
                : label.substring(eq + 1).equals(network.labels().get(label.substring(0, eq)));
    }
}
