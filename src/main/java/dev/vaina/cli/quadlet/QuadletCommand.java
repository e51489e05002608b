package dev.vaina.cli.quadlet;



import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina quadlet`: the definition files that the generator turns into systemd units, as Podman 5.6's command. */
@Command(name = "quadlet", description = "Manage definition files (Quadlet files).")
public final class QuadletCommand implements Runnable {
    /** The verbs under `vaina quadlet`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            QuadletInstallCommand.class, QuadletListCommand.class, QuadletPrintCommand.class, QuadletRmCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina quadlet install|list|print|rm");
    }
}
