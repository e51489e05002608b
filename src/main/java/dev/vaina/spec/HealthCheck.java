package dev.vaina.spec;

import java.util.List;

/**
 * A container's health check, laid out as the Docker image format and Podman's inspect lay it out
 * (durations in nanoseconds). A test of ["NONE"] switches off a check the image defines.
 *
 * @param test        ["CMD-SHELL", "shell command"], ["CMD", "program", "args"...] or ["NONE"]
 * @param interval    between checks, nanoseconds; 0 runs them only on demand (no timer)
 * @param timeout     how long one check may take before it counts as failed, nanoseconds
 * @param startPeriod after a start, failures in this time do not count, nanoseconds
 * @param retries     consecutive failures that make the container unhealthy
 */
public record HealthCheck(List<String> test, long interval, long timeout, long startPeriod, int retries) {
    public static final long DEFAULT_INTERVAL = 30_000_000_000L;
    public static final long DEFAULT_TIMEOUT = 30_000_000_000L;
    public static final int DEFAULT_RETRIES = 3;
    private static final long SECOND = 1_000_000_000L;

    /** The check that --no-healthcheck and --health-cmd none record: none, whatever the image says. */
    public static final HealthCheck NONE = new HealthCheck(List.of("NONE"), DEFAULT_INTERVAL, DEFAULT_TIMEOUT, 0,
            DEFAULT_RETRIES);

    public HealthCheck {
        test = test == null ? List.of() : List.copyOf(test);
        if (test.isEmpty()) {
            throw new InvalidSpecException("must define a healthcheck command for all healthchecks");
        }
        if (retries < 1) {
            throw new InvalidSpecException("healthcheck-retries must be greater than 0");
        }
        if (timeout < SECOND) {
            throw new InvalidSpecException("healthcheck-timeout must be at least 1 second");
        }
        if (startPeriod < 0) {
            throw new InvalidSpecException("healthcheck-start-period must be 0 seconds or greater");
        }
        if (interval < 0) {
            throw new InvalidSpecException("healthcheck-interval must be 0 seconds or greater");
        }
    }

    /**
     * A --health-cmd value as Podman reads it: a JSON array is the command's words (["CMD-SHELL", ...] and
     * ["CMD", ...] kept as they are), a string starting with "CMD " is split into words, "none" switches
     * the check off, and any other string runs in the container's shell.
     *
     * @param words the value read as a JSON array of strings, or null when it is not one
     */
    public static List<String> parseTest(String text, List<String> words) {
        if (words == null) {
            if (text.equals("none") || text.startsWith("none ")) {
                return List.of("NONE");
            }
            if (text.startsWith("CMD ")) {
                return List.of(Ascii.fields(text));
            }
            return List.of("CMD-SHELL", text);
        }
        if (words.isEmpty()) {
            throw new InvalidSpecException("must define a healthcheck command for all healthchecks");
        }
        String first = words.get(0);
        if (first.equals("none")) {
            return List.of("NONE");
        }
        if (first.equals("CMD") || first.equals("CMD-SHELL") || first.equals("NONE")) {
            return words;
        }
        if (words.size() == 1) {
            return List.of("CMD-SHELL", first);
        }
        List<String> command = new java.util.ArrayList<>();
        command.add("CMD");
        command.addAll(words);
        return command;
    }

    /** Whether this switches health checks off (["NONE"]). */
    public boolean disables() {
        return test.get(0).equals("NONE");
    }

    /** The command line to exec in the container: a CMD-SHELL string runs through /bin/sh -c. */
    public List<String> command() {
        return switch (test.get(0)) {
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
            case "CMD" -> test.subList(1, test.size());
            default -> List.of();
        };
    }

    /** An image's check as Docker stores it, where 0 means "the default". */
    public static HealthCheck fromImage(List<String> test, long interval, long timeout, long startPeriod, int retries) {
        return new HealthCheck(test, interval > 0 ? interval : DEFAULT_INTERVAL, timeout > 0 ? timeout : DEFAULT_TIMEOUT,
                Math.max(0, startPeriod), retries > 0 ? retries : DEFAULT_RETRIES);
    }
}
