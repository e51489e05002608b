package dev.vaina.cli;

import dev.vaina.spec.InvalidSpecException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Podman's flags take them: "1.5s", "100ms", "2m30s", "1h". */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    static Duration parse(String text) {
        Matcher matcher = PART.matcher(text);
        long nanos = 0;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double value = Double.parseDouble(matcher.group(1));
            long unit = switch (matcher.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += (long) (value * unit);
            end = matcher.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw new InvalidSpecException("invalid duration \"" + text
                    + "\": give a number with a unit, such as 500ms, 2s, 1m30s");
        }
        return Duration.ofNanos(nanos);
    }
}
