package dev.vaina.spec;

/**
 * Numbers written with a fixed count of decimals, as {@code String.format("%.2f")} writes them, and fractions without
 * their trailing zeros, by hand: the JDK's Formatter parses a format with a precision through java.util.regex, whose
 * first use loads some 35 classes, as {@code replaceAll} does; and BigDecimal's rounding, interpreted, cost `stats`
 * some tenths of a millisecond.
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
        // A negative value that rounds to zero keeps its sign, -0.0 too, as the Formatter writes it: "-0.00".
        String sign = Math.copySign(1.0, value) < 0 ? "-" : "";
        return sign + roundHalfUp(plain(Double.toString(Math.abs(value))), places);
    }

    /**
     * Double.toString's digits without its exponent, which it writes below 10^-3 and from 10^7 on ("5.0E-4" is
     * "0.00050", "1.25E7" is "12500000.0"): always a point, digits on both sides.
     */
    private static String plain(String shortest) {
        int e = shortest.indexOf('E');
        if (e < 0) {
            return shortest;
        }
        int exponent = Integer.parseInt(shortest.substring(e + 1));
        String digits = shortest.substring(0, 1) + shortest.substring(2, e); // "d.ddd": the point after one digit
        int point = 1 + exponent;
        StringBuilder text = new StringBuilder(digits.length() + Math.abs(exponent) + 3);
        if (point <= 0) {
            text.append("0.");
            for (int i = point; i < 0; i++) {
                text.append('0');
            }
            return text.append(digits).toString();
        }
        if (point >= digits.length()) {
            text.append(digits);
            for (int i = digits.length(); i < point; i++) {
                text.append('0');
            }
            return text.append(".0").toString();
        }
        return text.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
    }

    /** A plain decimal's digits ("123.4567") rounded half up to {@code places} decimals, on the digits themselves. */
    private static String roundHalfUp(String plain, int places) {
        int point = plain.indexOf('.');
        int decimals = plain.length() - point - 1;
        char[] digits = new char[point + places];
        for (int i = 0; i < digits.length; i++) {
            int from = i < point ? i : i + 1;
            digits[i] = from < plain.length() ? plain.charAt(from) : '0';
        }
        // Up when what is dropped is half a unit of the last place or more: its first digit is 5 or above.
        boolean up = places < decimals && plain.charAt(point + 1 + places) >= '5';
        int at = digits.length - 1;
        while (up && at >= 0) {
            if (digits[at] == '9') {
                digits[at--] = '0';
            } else {
                digits[at]++;
                up = false;
            }
        }
        StringBuilder text = new StringBuilder(digits.length + 2);
        if (up) {
            text.append('1');
        }
        text.append(digits, 0, point);
        if (places > 0) {
            text.append('.').append(digits, point, places);
        }
        return text.toString();
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
