package dev.vaina.cli.generate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `vaina generate`: units and definition files for containers and pods that exist, to keep and install. */
@Command(name = "generate", description = "Generate systemd units or definition files for containers and pods.",
        subcommands = {GenerateSystemdCommand.class, GenerateQuadletCommand.class})
public final class GenerateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina generate systemd|quadlet");
    }
}
