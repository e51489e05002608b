package dev.vaina.cli.networks;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ErrorHandler;
import dev.vaina.engine.Networks;
import dev.vaina.spec.NetworkDefinition;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina network rm`: removes networks, printing each name; one that containers use is refused (exit 2)
 * unless -f, which removes those containers first. A network that does not exist makes the exit code 1, as
 * Podman's.
 */
@Command(name = "rm", aliases = "remove", description = "Remove networks.")
final class NetworkRmCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Remove the containers and pods on the network too.")
    boolean force;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Stop timeout for those containers.")
    Integer time;

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        Networks networks = context.engine().networks();
        int exit = 0;
        RuntimeException last = null;
        for (String name : names) {
            Optional<NetworkDefinition> network = networks.lookup(name);
            if (network.isEmpty()) {
                err().println("Error: unable to find network with name or ID " + name + ": network not found");
                exit = 1;
                continue;
            }
            try {
                networks.remove(network.get(), force, time);
                out().println(network.get().name());
            } catch (RuntimeException e) {
                if (last != null) {
                    err().println("Error: " + ErrorHandler.messageOf(last));
                }
                last = e;
            }
        }
        out().flush();
        err().flush();
        if (last != null) {
            throw last;
        }
        return exit;
    }
}
