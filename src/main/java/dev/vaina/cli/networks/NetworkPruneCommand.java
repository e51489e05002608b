package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.spec.NetworkDefinition;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina network prune`: removes every network no container uses (never the default one), after asking. */
@Command(name = "prune", description = "Remove networks no container uses.")
final class NetworkPruneCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
    boolean force;

    @Option(names = "--filter", paramLabel = "label=KEY[=VALUE]", description = "Only networks with (label!=: without) this label.")
    List<String> filters = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        if (!force && !confirmed()) {
            return 0;
        }
        var networks = context.engine().networks();
        for (NetworkDefinition network : networks.unused()) {
            if (!filters.stream().allMatch(filter -> NetworkLsCommand.matches(filter, network))) {
                continue;
            }
            networks.remove(network, false, null);
            out().println(network.name());
        }
        out().flush();
        return 0;
    }

    private boolean confirmed() throws Exception {
        out().print("WARNING! This will remove all networks not used by at least one container.\n"
                + "Are you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer == null) {
            throw new CommandFailedException(ExitCodes.ENGINE, "EOF");
        }
        return answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes");
    }
}
