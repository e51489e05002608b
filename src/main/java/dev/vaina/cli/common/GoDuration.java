package dev.vaina.cli.common;

import dev.vaina.spec.InvalidSpecException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Podman's flags take them: "1.5s", "100ms", "2m30s", "1h". */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    public static Duration parse(String text) {
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

    /** Go's Duration.String(): "0s", "228.568113ms", "2.709041089s", "1h2m3.5s". */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        nanos = Math.abs(nanos);
        if (nanos < 1_000L) {
            return sign + nanos + "ns";
        }
        if (nanos < 1_000_000L) {
            return sign + decimal(nanos, 1_000L) + "\u00b5s";
        }
        if (nanos < 1_000_000_000L) {
            return sign + decimal(nanos, 1_000_000L) + "ms";
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        StringBuilder text = new StringBuilder(sign);
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(decimal(nanos % 60_000_000_000L, 1_000_000_000L)).append('s').toString();
    }

    /** value/unit with the fraction's trailing zeros dropped. */
    private static String decimal(long value, long unit) {
        long whole = value / unit;
        long fraction = value % unit;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        int digits = Long.toString(unit).length() - 1;
        String text = String.format("%0" + digits + "d", fraction).replaceAll("0+$", "");
        return whole + "." + text;
    }
}
