package dev.vaina.cli.containers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `vaina healthcheck`: containers' health checks. */
@Command(name = "healthcheck", description = "Manage health checks of containers.",
        subcommands = {HealthcheckRunCommand.class})
public final class HealthcheckCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina healthcheck run");
    }
}
