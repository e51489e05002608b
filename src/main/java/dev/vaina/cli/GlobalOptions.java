package dev.vaina.cli;

import java.util.List;
import java.util.Locale;

/**
 * The global options Podman scripts pass that vaina takes for compatibility: checked once, before any
 * verb runs, so that a refused one changes nothing.
 */
final class GlobalOptions {
    static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "warning", "error", "fatal", "panic");
    private static final List<String> CGROUP_MANAGERS = List.of("systemd", "cgroupfs");
    private static final List<String> EVENTS_BACKENDS = List.of("file", "journald", "none");

    /** Podman exits with 1, not 125, for an unknown log level. */
    private static final int BAD_LOG_LEVEL = 1;

    private GlobalOptions() {
    }

    static void check(VainaCommand options) {
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
