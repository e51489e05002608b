package dev.vaina.cli.networks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `vaina network`: bridge networks whose containers reach each other by name. */
@Command(name = "network", description = "Manage networks.",
        subcommands = {
            NetworkConnectCommand.class, NetworkCreateCommand.class, NetworkDisconnectCommand.class,
            NetworkExistsCommand.class, NetworkInspectCommand.class, NetworkLsCommand.class,
            NetworkPruneCommand.class, NetworkRmCommand.class
        })
public final class NetworkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: vaina network connect|create|disconnect|exists|inspect|ls|prune|rm");
    }
}
