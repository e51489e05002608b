package dev.vaina.cli;

import dev.vaina.cli.common.GlobalOptions;
import dev.vaina.cli.system.VersionCommand;
import picocli.CommandLine.Command;

/** The root command: the global options of {@link GlobalOptions}; {@link Main} adds the verbs (see {@link Verbs}). */
@Command(name = "vaina",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Daemonless, rootless containers and pods, supervised by systemd.")
public final class VainaCommand extends GlobalOptions implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing command");
    }
}
