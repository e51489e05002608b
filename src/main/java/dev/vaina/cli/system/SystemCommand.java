package dev.vaina.cli.system;



import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina system`: the store as a whole, and what a boot needs. */
@Command(name = "system", description = "Manage vaina's store as a whole.")
public final class SystemCommand implements Runnable {
    /** The verbs under `vaina system`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            SystemDfCommand.class, SystemPruneCommand.class, InfoCommand.class, SystemReconcileCommand.class,
            SystemRestoreCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina system df|prune|info|reconcile|restore");
    }
}
