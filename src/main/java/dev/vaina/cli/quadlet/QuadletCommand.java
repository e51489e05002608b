package dev.vaina.cli.quadlet;



import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `vaina quadlet`: the definition files that the generator turns into systemd units, as Podman 5.6's command. */
@Command(name = "quadlet", description = "Manage definition files (Quadlet files).",
        subcommands = {QuadletInstallCommand.class, QuadletListCommand.class, QuadletPrintCommand.class,
            QuadletRmCommand.class})
public final class QuadletCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina quadlet install|list|print|rm");
    }
}
