package dev.vaina.spec;

import java.util.List;
import java.util.Locale;

/**
 * One --ulimit: a resource limit the container's processes start with, by its runtime-spec name
 * (RLIMIT_NOFILE). Written NAME=SOFT[:HARD]; a missing hard limit equals the soft one; -1 is unlimited.
 */
public record Ulimit(String name, long soft, long hard) {
    private static final List<String> TYPES = List.of("as", "core", "cpu", "data", "fsize", "locks", "memlock",
            "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    public static Ulimit parse(String text) {
        try {
            return parseStrict(text);
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException("ulimit option \"" + text + "\" requires name=SOFT:HARD, failed to be parsed: "
                    + e.getMessage());
        }
    }

    private static Ulimit parseStrict(String text) {
        String[] parts = text.split("=", 2);
        if (parts.length != 2) {
            throw new InvalidSpecException("invalid ulimit argument: " + text);
        }
        String type = parts[0].toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new InvalidSpecException("invalid ulimit type: " + parts[0]);
        }
        String[] limits = parts[1].split(":", -1);
        if (limits.length > 2) {
            throw new InvalidSpecException("too many limit value arguments - " + parts[1] + ", can only have up to two, `soft[:hard]`");
        }
        long soft = number(limits[0]);
        long hard = limits.length == 2 ? number(limits[1]) : soft;
        if (soft != -1 && hard != -1 && soft > hard) {
            throw new InvalidSpecException("ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
        }
        return new Ulimit("RLIMIT_" + type.toUpperCase(Locale.ROOT), soft, hard);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("invalid ulimit value: " + text);
        }
    }
}
