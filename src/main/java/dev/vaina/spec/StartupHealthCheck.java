package dev.vaina.spec;

import java.util.List;

/**
 * A startup health check (--health-startup-cmd): it runs instead of the regular check until it has passed
 * {@code successes} times in a row, and then the regular check takes over. {@code retries} failures in a row
 * restart the container; 0 never does.
 *
 * @param test      as {@link HealthCheck#test()}
 * @param interval  between checks, nanoseconds
 * @param timeout   of one check, nanoseconds
 * @param retries   consecutive failures that restart the container; 0 for never
 * @param successes consecutive passes that end the startup phase; 0 counts as 1
 */
public record StartupHealthCheck(List<String> test, long interval, long timeout, int retries, int successes) {
    public static final long DEFAULT_INTERVAL = 30_000_000_000L;
    public static final long DEFAULT_TIMEOUT = 30_000_000_000L;

    public StartupHealthCheck {
        test = test == null ? List.of() : List.copyOf(test);
        if (test.isEmpty() || test.get(0).equals("NONE")) {
            throw new InvalidSpecException("must define a startup healthcheck command");
        }
        if (interval < 1_000_000_000L) {
            throw new InvalidSpecException("startup healthcheck-interval must be at least 1 second");
        }
        if (timeout < 1_000_000_000L) {
            throw new InvalidSpecException("startup healthcheck-timeout must be at least 1 second");
        }
        if (retries < 0 || successes < 0) {
            throw new InvalidSpecException("startup healthcheck retries and successes must not be negative");
        }
    }

    /** The check as a regular one runs it, so that both run the same way. */
    public HealthCheck asHealthCheck() {
        return new HealthCheck(test, interval, timeout, 0, Math.max(1, retries));
    }

    public int requiredSuccesses() {
        return Math.max(1, successes);
    }
}
