package dev.vaina.cli.containers;

import dev.vaina.cli.common.EntrypointParser;
import dev.vaina.cli.common.GoDuration;
import dev.vaina.spec.HealthCheck;
import dev.vaina.spec.HealthOnFailure;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.NotifyMode;
import dev.vaina.spec.StartupHealthCheck;
import java.util.List;
import picocli.CommandLine.Option;

/** A container's health check and how its unit reports readiness, as `run` and `create` take them. */
final class HealthOptions {
    @Option(names = "--health-cmd", paramLabel = "COMMAND",
            description = "Health check command: a shell command, a JSON array, or none (disables the image's).")
    String command;

    @Option(names = "--health-interval", paramLabel = "DURATION",
            description = "Time between checks (default 30s; 0 or disable: no timer, only `healthcheck run`).")
    String interval;

    @Option(names = "--health-retries", paramLabel = "N", description = "Consecutive failures that make it unhealthy (default 3).")
    Integer retries;

    @Option(names = "--health-start-period", paramLabel = "DURATION", description = "Failures in this time after a start do not count (default 0s).")
    String startPeriod;

    @Option(names = "--health-timeout", paramLabel = "DURATION", description = "Longest a check may take (default 30s).")
    String timeout;

    @Option(names = "--health-on-failure", paramLabel = "ACTION", description = "Once unhealthy: none (default), kill, restart or stop.")
    String onFailure;

    @Option(names = "--health-startup-cmd", paramLabel = "COMMAND",
            description = "A check that runs instead of the regular one until it has passed, as --health-cmd takes it.")
    String startupCommand;

    @Option(names = "--health-startup-interval", paramLabel = "DURATION", description = "Time between startup checks (default 30s).")
    String startupInterval;

    @Option(names = "--health-startup-retries", paramLabel = "N",
            description = "Consecutive startup failures that restart the container (default 0: never).")
    Integer startupRetries;

    @Option(names = "--health-startup-success", paramLabel = "N",
            description = "Consecutive passes that end the startup phase (default 0: one).")
    Integer startupSuccesses;

    @Option(names = "--health-startup-timeout", paramLabel = "DURATION", description = "Longest a startup check may take (default 30s).")
    String startupTimeout;

    @Option(names = "--no-healthcheck", description = "Disable health checks, the image's included.")
    boolean noHealthcheck;

    @Option(names = "--sdnotify", paramLabel = "MODE",
            description = "Who reports the unit ready: conmon (the monitor, once the container runs; default), healthy (once a health check passed), container (the workload, through $NOTIFY_SOCKET) or ignore.")
    String sdnotify;

    /** The check given, {@link HealthCheck#NONE} to switch the image's off, or null to keep the image's. */
    HealthCheck healthCheck() {
        if (noHealthcheck) {
            if (command != null) {
                throw new InvalidSpecException("cannot specify both --no-healthcheck and --health-cmd");
            }
            return HealthCheck.NONE;
        }
        if (command == null) {
            return null;
        }
        List<String> test = test("--health-cmd", command);
        long intervalNanos = "disable".equals(interval) ? 0
                : duration("healthcheck-interval", interval, HealthCheck.DEFAULT_INTERVAL);
        return new HealthCheck(test, intervalNanos, duration("healthcheck-timeout", timeout, HealthCheck.DEFAULT_TIMEOUT),
                duration("healthcheck-start-period", startPeriod, 0),
                retries == null ? HealthCheck.DEFAULT_RETRIES : retries);
    }

    /** The startup check, or null; it needs a regular check to hand over to. */
    StartupHealthCheck startupHealthCheck() {
        if (startupCommand == null) {
            return null;
        }
        if (command == null || noHealthcheck) {
            throw new InvalidSpecException("--health-startup-cmd needs --health-cmd: the regular check takes over after it");
        }
        return new StartupHealthCheck(test("--health-startup-cmd", startupCommand),
                duration("startup healthcheck-interval", startupInterval, StartupHealthCheck.DEFAULT_INTERVAL),
                duration("startup healthcheck-timeout", startupTimeout, StartupHealthCheck.DEFAULT_TIMEOUT),
                startupRetries == null ? 0 : startupRetries, startupSuccesses == null ? 0 : startupSuccesses);
    }

    HealthOnFailure onFailure() {
        return HealthOnFailure.parse(onFailure);
    }

    NotifyMode notifyMode() {
        return NotifyMode.parse(sdnotify);
    }

    /** A check's command as both options take it: a shell command, a JSON array of words, or none. */
    private static List<String> test(String option, String command) {
        if (!command.strip().startsWith("[")) {
            return HealthCheck.parseTest(command, null);
        }
        List<String> words;
        try {
            words = EntrypointParser.parse(command);
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException("invalid " + option + " " + command + ": give a command or a JSON array of strings");
        }
        return HealthCheck.parseTest(command, words);
    }

    /** A Go duration as Podman's health options take it, where "0" and negative values parse too. */
    private static long duration(String what, String text, long unset) {
        if (text == null) {
            return unset;
        }
        String magnitude = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        long nanos;
        try {
            nanos = magnitude.equals("0") ? 0 : GoDuration.parse(magnitude).toNanos();
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException("invalid " + what + ": time: invalid duration \"" + text + "\"");
        }
        return text.startsWith("-") ? -nanos : nanos;
    }
}
