package dev.vaina.cli;

import dev.vaina.cli.system.VersionCommand;
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

    @Option(names = "--systemd-manager", scope = ScopeType.INHERIT, paramLabel = "user|system",
            description = "Which systemd manager supervises containers (default: the user's own; for root the system manager when PID 1 is systemd). vaina.conf: systemd under [engine].")
    String manager;

    @Option(names = "--runtime", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "OCI runtime: runc or crun (default: probed).")
    String runtime;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL", defaultValue = "warn",
            description = "debug prints what vaina does on standard error; error, fatal and panic hide warnings (trace, debug, info, warn, error, fatal, panic; default: warn).")
    String logLevel;

    @Option(names = "--storage-driver", scope = ScopeType.INHERIT, paramLabel = "overlay",
            description = "Accepted for Podman's scripts: vaina's only storage driver is overlay.")
    String storageDriver;

    @Option(names = "--cgroup-manager", scope = ScopeType.INHERIT, paramLabel = "systemd|cgroupfs",
            description = "Accepted for Podman's scripts: either way every container runs in the cgroup of its own systemd unit.")
    String cgroupManager;

    @Option(names = "--events-backend", scope = ScopeType.INHERIT, paramLabel = "file|journald|none",
            description = "Accepted for Podman's scripts: vaina keeps its own event journal either way.")
    String eventsBackend;

    @Option(names = "--noout", scope = ScopeType.INHERIT, description = "Print nothing on standard output.")
    boolean noout;

    /** Podman's remote options, refused: vaina has no remote mode. */
    String remote;

    @Option(names = {"-r", "--remote"}, hidden = true)
    void remote(boolean value) {
        remote = value ? "--remote" : remote;
    }

    @Option(names = "--url", hidden = true)
    void url(String value) {
        remote = "--url " + value;
    }

    @Option(names = "--connection", hidden = true)
    void connection(String value) {
        remote = "--connection " + value;
    }

    private Context context;

    /** @param err where the engine's debug lines and warnings go */
    Context context(java.io.PrintWriter err) throws java.io.IOException {
        if (context == null) {
            context = Context.create(this, err);
        }
        return context;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing command");
    }
}
