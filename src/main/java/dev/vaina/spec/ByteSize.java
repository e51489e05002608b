package dev.vaina.spec;

import java.util.Locale;

/**
 * A size as Docker and Podman read it for --memory, --shm-size and the like: a number with an optional
 * unit b, k, m, g, t or p (powers of 1024, any case, an optional trailing "b" or "ib").
 */
public final class ByteSize {
    private static final String UNITS = "kmgtp";

    private ByteSize() {
    }

    /**
     * A number (with a fraction or none), then an optional space, unit, "i" and "b", in that order; read by hand,
     * not with a regular expression (`run --memory` would compile one).
     *
     * @param what the option's name as Podman's message puts it ("memory", "shm-size")
     */
    public static long parse(String what, String text) {
        String size = text.strip().toLowerCase(Locale.ROOT);
        int i = Ascii.numberEnd(size, 0);
        if (i < 0) {
            throw invalid(what, text);
        }
        double number = Double.parseDouble(size.substring(0, i));
        i = skip(size, i, ' ');
        int power = i < size.length() ? UNITS.indexOf(size.charAt(i)) + 1 : 0;
        if (power > 0) {
            i++;
        }
        i = skip(size, skip(size, i, 'i'), 'b');
        if (i != size.length()) {
            throw invalid(what, text);
        }
        return (long) (number * Math.pow(1024, power));
    }

    /** Past {@code c} at {@code at}, if it is there. */
    private static int skip(String text, int at, char c) {
        return at < text.length() && text.charAt(at) == c ? at + 1 : at;
    }

    private static InvalidSpecException invalid(String what, String text) {
        return new InvalidSpecException("invalid value for " + what + ": invalid size: '" + text + "'");
    }
}
