package dev.vaina.cli.networks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina network`: bridge networks whose containers reach each other by name. */
@Command(name = "network", description = "Manage networks.")
public final class NetworkCommand implements Runnable {
    /** The verbs under `vaina network`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            NetworkConnectCommand.class, NetworkCreateCommand.class, NetworkDisconnectCommand.class,
            NetworkExistsCommand.class, NetworkInspectCommand.class, NetworkLsCommand.class,
            NetworkPruneCommand.class, NetworkRmCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: vaina network connect|create|disconnect|exists|inspect|ls|prune|rm");
    }
}
