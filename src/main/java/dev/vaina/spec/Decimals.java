package dev.vaina.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers written with a fixed count of decimals, as {@code String.format("%.2f")} writes them, and fractions without
 * their trailing zeros, by hand: the JDK's Formatter parses a format with a precision through java.util.regex, whose
 * first use loads some 35 classes, as {@code replaceAll} does.
 */
public final class Decimals {
    private Decimals() {
    }

    /**
     * {@code value} with {@code places} decimals, rounded half up from its shortest decimal form: what
     * {@code String.format(Locale.ROOT, "%.<places>f", value)} writes, "NaN" and "Infinity" included.
     */
    public static String fixed(double value, int places) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String text = new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
        // A negative value that rounds to zero keeps its sign, -0.0 too, as the Formatter writes it: "-0.00".
        return Math.copySign(1.0, value) < 0 && text.charAt(0) != '-' ? "-" + text : text;
    }

    /**
     * The digits of {@code fraction} as the decimals of a number with {@code digits} of them, its trailing zeros
     * dropped: (5, 3) is "005", (120, 3) "12", (0, 3) "".
     */
    public static String fraction(long fraction, int digits) {
        String text = Long.toString(fraction);
        StringBuilder padded = new StringBuilder(digits);
        for (int i = text.length(); i < digits; i++) {
            padded.append('0');
        }
        padded.append(text);
        int end = padded.length();
        while (end > 0 && padded.charAt(end - 1) == '0') {
            end--;
        }
        return padded.substring(0, end);
    }
}
