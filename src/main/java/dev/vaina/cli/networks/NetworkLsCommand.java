package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.Table;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.NetworkDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina network ls`: Podman's columns, --format, -q and filters. */
@Command(name = "ls", aliases = "list", description = "List networks.")
final class NetworkLsCommand extends ContextCommand {
    @Option(names = {"-q", "--quiet"}, description = "Print only the network names.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate network IDs.")
    boolean noTrunc;

    @Option(names = {"-n", "--noheading"}, description = "Do not print the header row.")
    boolean noHeading;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, or a Go template.")
    String format;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
            description = "Filter by name=REGEX, id=PREFIX, label=KEY[=VALUE], driver=DRIVER.")
    List<String> filters = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(format, "ls");
        List<NetworkDefinition> networks = new ArrayList<>();
        for (NetworkDefinition network : context.engine().networks().list()) {
            if (filters.stream().allMatch(filter -> matches(filter, network))) {
                networks.add(network);
            }
        }
        if (quiet) {
            networks.forEach(network -> out().println(network.name()));
        } else if (output.isJson()) {
            out().println(PodmanJson.PS.format(networks.stream().map(NetworkDefinition::podmanLayout).toList()));
        } else if (output.isDefault()) {
            Table table = new Table("NETWORK ID", "NAME", "DRIVER").minimumWidth(12);
            networks.forEach(n -> table.add(noTrunc ? n.id() : n.shortId(), n.name(), n.driver()));
            if (noHeading) {
                table.printRows(out());
            } else {
                table.print(out());
            }
        } else {
            output.print(out(), networks.stream().map(n -> NetworkRow.of(n, noTrunc)).toList(),
                    noHeading ? null : NetworkRow.HEADERS);
        }
        out().flush();
        return 0;
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
