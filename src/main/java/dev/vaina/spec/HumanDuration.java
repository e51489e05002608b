package dev.vaina.spec;

import java.time.Duration;
import java.time.Instant;

/**
 * Durations as Podman prints them in {@code images} and {@code ps} (go-units HumanDuration): "Less than a
 * second", "5 seconds", "About a minute", "12 minutes", "About an hour", "3 hours", "4 days", "2 weeks",
 * "5 months", "2 years".
 */
public final class HumanDuration {
    private HumanDuration() {
    }

    public static String format(Duration duration) {
        long seconds = duration.getSeconds() < 0 ? -1 : truncatedSeconds(duration);
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
        long hours = roundedHours(duration);
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
        return duration.toHours() / 24 / 365 + " years";
    }

    /** The CREATED column: "2 minutes ago". */
    public static String ago(Instant then, Instant now) {
        return format(Duration.between(then, now)) + " ago";
    }

    private static long truncatedSeconds(Duration duration) {
        return duration.getSeconds();
    }

    /** Go's Duration.Round(time.Hour): halves round away from zero. */
    private static long roundedHours(Duration duration) {
        Duration hour = Duration.ofHours(1);
        long whole = duration.toHours();
        Duration remainder = duration.minus(hour.multipliedBy(whole));
        return remainder.multipliedBy(2).compareTo(hour) >= 0 ? whole + 1 : whole;
    }
}
