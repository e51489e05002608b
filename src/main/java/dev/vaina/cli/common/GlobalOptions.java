package dev.vaina.cli.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options, held by the root command (which extends this class so that every verb inherits them), and
 * those Podman scripts pass that vaina takes for compatibility: checked once, before any verb runs, so that a
 * refused one changes nothing.
 */
public abstract class GlobalOptions {
    static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "warning", "error", "fatal", "panic");
    private static final List<String> CGROUP_MANAGERS = List.of("systemd", "cgroupfs");
    private static final List<String> EVENTS_BACKENDS = List.of("file", "journald", "none");

    /** Podman exits with 1, not 125, for an unknown log level. */
    private static final int BAD_LOG_LEVEL = 1;

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

    public boolean noout() {
        return noout;
    }

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

    /** Checks the compatibility options; a refused one ends the command before anything is done. */
    public static void check(GlobalOptions options) {
        if (options.remote != null) {
            throw new CommandFailedException(ExitCodes.ENGINE, "vaina has no remote mode: " + options.remote
                    + " is not supported; run vaina on the machine that runs the containers");
        }
        if (!LOG_LEVELS.contains(options.logLevel.toLowerCase(Locale.ROOT))) {
            throw new CommandFailedException(BAD_LOG_LEVEL, "log level \"" + options.logLevel
                    + "\" is not supported, choose from: " + String.join(", ", LOG_LEVELS));
        }
        if (options.storageDriver != null && !options.storageDriver.equals("overlay")) {
            throw new CommandFailedException(ExitCodes.ENGINE, "storage driver \"" + options.storageDriver
                    + "\" is not supported: vaina stores containers as overlay mounts of image layers, use overlay");
        }
        if (options.cgroupManager != null && !CGROUP_MANAGERS.contains(options.cgroupManager)) {
            throw new CommandFailedException(ExitCodes.ENGINE, "cgroup manager \"" + options.cgroupManager
                    + "\" is not supported: must be one of " + String.join(", ", CGROUP_MANAGERS));
        }
        if (options.eventsBackend != null && !EVENTS_BACKENDS.contains(options.eventsBackend)) {
            throw new CommandFailedException(ExitCodes.ENGINE, "events backend \"" + options.eventsBackend
                    + "\" is not supported: must be one of " + String.join(", ", EVENTS_BACKENDS));
        }
    }

    /** Whether lines of {@code level} are printed under the chosen {@code --log-level}. */
    static boolean shows(String chosen, String level) {
        return rank(level) >= rank(chosen);
    }

    private static int rank(String level) {
        String normal = level.toLowerCase(Locale.ROOT).equals("warning") ? "warn" : level.toLowerCase(Locale.ROOT);
        return List.of("trace", "debug", "info", "warn", "error", "fatal", "panic").indexOf(normal);
    }
}
