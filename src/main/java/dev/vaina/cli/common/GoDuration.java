package dev.vaina.cli.common;

import dev.vaina.spec.Ascii;
import dev.vaina.spec.Decimals;
import dev.vaina.spec.InvalidSpecException;
import java.time.Duration;

/** Durations as Podman's flags take them: "1.5s", "100ms", "2m30s", "1h". */
public final class GoDuration {
    private GoDuration() {
    }

    /** One or more parts, each a number (with a fraction or none) and its unit: ns, us (or µs), ms, s, m, h. */
    public static Duration parse(String text) {
        if (text.isEmpty()) {
            throw invalid(text);
        }
        long nanos = 0;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            i = Ascii.numberEnd(text, start);
            if (i < 0) {
                throw invalid(text);
            }
            double value = Double.parseDouble(text.substring(start, i));
            long unit;
            if (text.startsWith("ns", i)) {
                unit = 1L;
            } else if (text.startsWith("us", i) || text.startsWith("\u00b5s", i)) {
                unit = 1_000L;
            } else if (text.startsWith("ms", i)) {
                unit = 1_000_000L;
            } else if (text.startsWith("s", i)) {
                unit = 1_000_000_000L;
            } else if (text.startsWith("m", i)) {
                unit = 60_000_000_000L;
            } else if (text.startsWith("h", i)) {
                unit = 3_600_000_000_000L;
            } else {
                throw invalid(text);
            }
            i += unit < 1_000_000_000L ? 2 : 1;
            nanos += (long) (value * unit);
        }
        return Duration.ofNanos(nanos);
    }

    private static InvalidSpecException invalid(String text) {
        return new InvalidSpecException("invalid duration \"" + text
                + "\": give a number with a unit, such as 500ms, 2s, 1m30s");
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
        return whole + "." + Decimals.fraction(fraction, digits);
    }
}
