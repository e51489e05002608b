package dev.vaina.cli.containers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina healthcheck`: containers' health checks. */
@Command(name = "healthcheck", description = "Manage health checks of containers.")
public final class HealthcheckCommand implements Runnable {
    /** The verbs under `vaina healthcheck`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            HealthcheckRunCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina healthcheck run");
    }
}
