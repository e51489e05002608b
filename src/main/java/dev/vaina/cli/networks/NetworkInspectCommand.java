package dev.vaina.cli.networks;

import dev.vaina.cli.common.InspectData;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.spec.NetworkDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina network inspect`: networks as JSON, in Podman's (and netavark's) layout. */
@Command(name = "inspect", description = "Show networks as JSON.")
final class NetworkInspectCommand extends ContextCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "json (default) or a Go template.")
    String format;

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        List<NetworkDefinition> found = new ArrayList<>();
        String missing = null;
        for (String name : names) {
            Optional<NetworkDefinition> network = context.engine().networks().lookup(name);
            if (network.isPresent()) {
                found.add(network.get());
            } else if (missing == null) {
                missing = name;
            }
        }
        OutputFormat output = OutputFormat.forList(format == null ? "json" : format, "inspect", InspectData.INSPECT_ERROR);
        if (output.isJson() || output.isDefault()) {
            out().println(PodmanJson.INSPECT.format(found.stream().map(NetworkDefinition::podmanLayout).toList()));
        } else {
            output.print(out(), found.stream().map(network -> NetworkRow.of(network, true)).toList(), null);
        }
        out().flush();
        if (missing != null) {
            throw new CommandFailedException(ExitCodes.ENGINE, "inspecting object: network " + missing
                    + ": unable to find network with name or ID " + missing + ": network not found");
        }
        return 0;
    }
}
