package dev.vaina.cli.generate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina generate`: units and definition files for containers and pods that exist, to keep and install. */
@Command(name = "generate", description = "Generate systemd units or definition files for containers and pods.")
public final class GenerateCommand implements Runnable {
    /** The verbs under `vaina generate`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            GenerateSystemdCommand.class, GenerateQuadletCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina generate systemd|quadlet");
    }
}
