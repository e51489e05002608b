package dev.vaina.spec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size as Docker and Podman read it for --memory, --shm-size and the like: a number with an optional
 * unit b, k, m, g, t or p (powers of 1024, any case, an optional trailing "b" or "ib").
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?");
    private static final String UNITS = "kmgtp";

    private ByteSize() {
    }

    /** @param what the option's name as Podman's message puts it ("memory", "shm-size") */
    public static long parse(String what, String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidSpecException("invalid value for " + what + ": invalid size: '" + text + "'");
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2);
        int power = unit == null ? 0 : UNITS.indexOf(unit) + 1;
        return (long) (number * Math.pow(1024, power));
    }
}
