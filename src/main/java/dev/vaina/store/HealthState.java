package dev.vaina.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container's health checks found since it last started, as Podman's inspect shows it under
 * State.Health: the status, the number of consecutive failures that counted, and the last few checks.
 * Kept beside the container's record; the launcher removes it at every start, so a started container
 * is "starting" again. With a startup check, the counts of its consecutive passes and failures, and whether
 * it has passed (then the regular check runs).
 */
public record HealthState(String status, int failingStreak, List<Check> log, boolean startupPassed,
        int startupSuccesses, int startupFailures) {
    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    /** As Podman: the log keeps the last five checks, and at most this much of each one's output. */
    static final int KEPT_CHECKS = 5;
    static final int KEPT_OUTPUT = 500;
    static final String FILE = "healthcheck.json";

    public static final HealthState INITIAL = new HealthState(STARTING, 0, List.of(), false, 0, 0);

    /** One check: ISO-8601 start and end, exit code (0 healthy, 1 unhealthy, -1 timed out), output. */
    public record Check(String start, String end, int exitCode, String output) {
        public Check {
            output = output == null ? "" : output.length() > KEPT_OUTPUT ? output.substring(0, KEPT_OUTPUT) : output;
        }
    }

    public HealthState {
        log = log == null ? List.of() : List.copyOf(log);
    }

    /**
     * The state after one more check. A failure during the start period is logged but does not count;
     * otherwise retries consecutive failures make the container unhealthy, and one success healthy.
     */
    public HealthState after(Check check, boolean inStartPeriod, int retries) {
        List<Check> checks = logged(check);
        if (check.exitCode() == 0) {
            return new HealthState(HEALTHY, 0, checks, startupPassed, startupSuccesses, startupFailures);
        }
        if (inStartPeriod) {
            return new HealthState(status, failingStreak, checks, startupPassed, startupSuccesses, startupFailures);
        }
        int streak = failingStreak + 1;
        return new HealthState(streak >= retries ? UNHEALTHY : status, streak, checks, startupPassed,
                startupSuccesses, startupFailures);
    }

    /** The state after one more startup check: still starting; passed once it has passed requiredSuccesses times in a row. */
    public HealthState afterStartup(Check check, int requiredSuccesses) {
        boolean passed = check.exitCode() == 0;
        int successes = passed ? startupSuccesses + 1 : 0;
        return new HealthState(status, failingStreak, logged(check), successes >= requiredSuccesses, successes,
                passed ? 0 : startupFailures + 1);
    }

    private List<Check> logged(Check check) {
        List<Check> checks = new ArrayList<>(log);
        checks.add(check);
        return checks.size() > KEPT_CHECKS ? checks.subList(checks.size() - KEPT_CHECKS, checks.size()) : checks;
    }

    public static Path file(StoreLayout layout, String containerId) {
        return layout.container(containerId).resolve(FILE);
    }

    /** The container's health so far: {@link #INITIAL} when no check has run since it started. */
    public static HealthState read(StoreLayout layout, String containerId) throws IOException {
        Path file = file(layout, containerId);
        return Files.exists(file) ? Json.read(file, HealthState.class) : INITIAL;
    }

    /** Records one more check, serialised with other checks of the same container. */
    public static HealthState record(StoreLayout layout, String containerId, java.util.function.UnaryOperator<HealthState> check)
            throws IOException {
        Path file = file(layout, containerId);
        try (StoreLock lock = StoreLock.acquire(file.resolveSibling(FILE + ".lock"))) {
            HealthState next = check.apply(read(layout, containerId));
            Json.write(file, next);
            return next;
        }
    }

    /** Forgets the checks of an earlier run (at a start). */
    public static void reset(StoreLayout layout, String containerId) throws IOException {
        Files.deleteIfExists(file(layout, containerId));
    }
}
