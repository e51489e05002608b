package dev.vaina.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options; {@link Main} adds the verbs (see {@link Verbs}). */
@Command(name = "vaina",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Daemonless, rootless containers and pods, supervised by systemd.")
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
