package dev.vaina.spec;

import java.time.Duration;
import java.time.Instant;

/**
 * Durations as Podman prints them in {@code images} and {@code ps} (go-units HumanDuration): "Less than a
 * second", "5 seconds", "About a minute", "12 minutes", "About an hour", "3 hours", "4 days", "2 weeks",
 * "5 months", "2 years".
 */
public final class HumanDuration {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private HumanDuration() {
    }

    public static String format(Duration duration) {
        return format(duration.getSeconds(), duration.getNano());
    }

    /** The CREATED column: "2 minutes ago". */
    public static String ago(Instant then, Instant now) {
        return format(Instants.between(then, now)) + " ago";
    }

    /** {@code seconds} and {@code nanos} (0 to 999 999 999) as a Duration holds them. */
    private static String format(long seconds, long nanos) {
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = roundedHours(seconds, nanos);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return seconds / 3600 / 24 / 365 + " years";
    }

    /** Go's Duration.Round(time.Hour): halves round away from zero. */
    private static long roundedHours(long seconds, long nanos) {
        long whole = seconds / 3600;
        long remainderNanos = (seconds % 3600) * NANOS_PER_SECOND + nanos;
        return remainderNanos * 2 >= 3600 * NANOS_PER_SECOND ? whole + 1 : whole;
    }
}
