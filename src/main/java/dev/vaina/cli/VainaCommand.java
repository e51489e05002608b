package dev.vaina.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options and the list of verbs. */
@Command(name = "vaina",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Daemonless, rootless containers and pods, supervised by systemd.",
        subcommands = {
            RunCommand.class, CreateCommand.class, StartCommand.class, StopCommand.class,
            RestartCommand.class, KillCommand.class, RmCommand.class, PsCommand.class, LogsCommand.class,
            InspectCommand.class, PortCommand.class, WaitCommand.class, ExecCommand.class, TopCommand.class, StatsCommand.class,
            PauseCommand.class, UnpauseCommand.class, ImagesCommand.class, ImportCommand.class,
            VersionCommand.class,
            ImageCommand.class, RmiCommand.class, TagCommand.class, SaveCommand.class, LoadCommand.class,
            PullCommand.class, LoginCommand.class, LogoutCommand.class,
            PushCommand.class
        })
public final class VainaCommand implements Runnable {
    @Option(names = "--root", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where images and containers are stored (default: /var/lib/vaina for root, $XDG_DATA_HOME/vaina otherwise).")
    Path root;

    @Option(names = "--runroot", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where per-boot state is kept (default: /run/vaina for root, $XDG_RUNTIME_DIR/vaina otherwise).")
    Path runRoot;

    @Option(names = "--systemd", scope = ScopeType.INHERIT, paramLabel = "user|system",
            description = "Which systemd manager supervises containers (default: the user's own; for root the system manager when PID 1 is systemd).")
    String manager;

    @Option(names = "--runtime", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "OCI runtime: runc or crun (default: probed).")
    String runtime;

    private Context context;

    Context context() throws java.io.IOException {
        if (context == null) {
            context = Context.create(this);
        }
        return context;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing command");
    }
}
