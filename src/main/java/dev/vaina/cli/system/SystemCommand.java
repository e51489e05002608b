package dev.vaina.cli.system;



import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `vaina system`: the store as a whole. */
@Command(name = "system", description = "Manage vaina's store as a whole.",
        subcommands = {SystemDfCommand.class, SystemPruneCommand.class, InfoCommand.class})
public final class SystemCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina system df|prune|info");
    }
}
