package dev.vaina.spec.toml;

/**
 * TOML's integers (decimal, hexadecimal, octal, binary; 64 bits) and floats (with inf and nan), read from where
 * {@link TomlParser} stands in the document.
 */
final class TomlNumbers {
    private final TomlText in;

    TomlNumbers(TomlText in) {
        this.in = in;
    }

    /** An integer (decimal, or 0x, 0o, 0b without a sign) or a float, underscores between digits. */
    Object number() throws TomlException {
        int start = in.at;
        while (in.at < in.end && isNumberChar(in.text[in.at])) {
            in.at++;
        }
        int digits = start;
        boolean negative = in.text[start] == '-';
        if (negative || in.text[start] == '+') {
            digits++;
        }
        int length = in.at - digits;
        if (length == 3 && in.text[digits] == 'i' && in.text[digits + 1] == 'n' && in.text[digits + 2] == 'f') {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (length == 3 && in.text[digits] == 'n' && in.text[digits + 1] == 'a' && in.text[digits + 2] == 'n') {
            return Double.NaN;
        }
        if (length == 0 || !TomlText.isDigit(in.text[digits])) {
            throw in.errorAt(start, "invalid value " + token(start) + ": expected a string (in quotes), a number, true "
                    + "or false, a date-time, an array or an inline table");
        }
        if (length > 1 && in.text[digits] == '0' && (in.text[digits + 1] == 'x' || in.text[digits + 1] == 'o'
                || in.text[digits + 1] == 'b')) {
            if (digits != start) {
                throw in.errorAt(start, "invalid number " + token(start) + ": hexadecimal, octal and binary integers "
                        + "take no sign");
            }
            return prefixedInteger(start);
        }
        int integerEnd = digitsEnd(digits, 10);
        if (integerEnd == digits) {
            throw in.errorAt(start, "invalid number " + token(start) + ": expected a decimal integer, a float, "
                    + "inf or nan (or 0x, 0o, 0b integers)");
        }
        if (in.text[digits] == '0' && integerEnd > digits + 1) {
            throw in.errorAt(start, "invalid number " + token(start) + ": leading zeros are not allowed");
        }
        int next = integerEnd;
        boolean isFloat = false;
        if (next < in.at && in.text[next] == '.') {
            isFloat = true;
            int fractionEnd = digitsEnd(next + 1, 10);
            if (fractionEnd == next + 1) {
                throw in.errorAt(start, "invalid number " + token(start) + ": a decimal point stands between digits");
            }
            next = fractionEnd;
        }
        if (next < in.at && (in.text[next] == 'e' || in.text[next] == 'E')) {
            isFloat = true;
            next++;
            if (next < in.at && (in.text[next] == '+' || in.text[next] == '-')) {
                next++;
            }
            int exponentEnd = digitsEnd(next, 10);
            if (exponentEnd == next) {
                throw in.errorAt(start, "invalid number " + token(start) + ": an exponent needs digits");
            }
            next = exponentEnd;
        }
        if (next != in.at) {
            throw in.errorAt(start, "invalid number " + token(start) + ": expected a decimal integer, a float "
                    + "(1.5, 1e6, 1.5e-3), inf or nan (or 0x, 0o, 0b integers)");
        }
        if (isFloat) {
            return Double.parseDouble(withoutUnderscores(start, in.at));
        }
        return decimalInteger(start, digits, negative);
    }

    private static boolean isNumberChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '+'
                || c == '-' || c == '.';
    }

    /** The end of the digits (of the radix) from {@code from}, with each underscore between two digits. */
    private int digitsEnd(int from, int radix) throws TomlException {
        int i = from;
        while (i < in.at) {
            if (in.text[i] == '_') {
                if (i == from || i + 1 >= in.at || digitValue(in.text[i + 1], radix) < 0) {
                    throw in.errorAt(i, "invalid number: an underscore stands between two digits");
                }
            } else if (digitValue(in.text[i], radix) < 0) {
                break;
            }
            i++;
        }
        return i;
    }

    private Long decimalInteger(int start, int digits, boolean negative) throws TomlException {
        // Summed negative, whose range is one larger, so that -9223372036854775808 fits.
        long value = 0;
        for (int i = digits; i < in.at; i++) {
            if (in.text[i] != '_') {
                int digit = in.text[i] - '0';
                if (value < (Long.MIN_VALUE + digit) / 10) {
                    throw tooLarge(start);
                }
                value = value * 10 - digit;
            }
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw tooLarge(start);
        }
        return negative ? value : -value;
    }

    private Long prefixedInteger(int start) throws TomlException {
        char prefix = in.text[start + 1];
        int bits = prefix == 'x' ? 4 : prefix == 'o' ? 3 : 1;
        int digitsEnd = digitsEnd(start + 2, 1 << bits);
        if (digitsEnd == start + 2 || digitsEnd != in.at) {
            String digits = prefix == 'x' ? "hexadecimal digits (0-9, a-f, A-F)" : prefix == 'o' ? "octal digits (0-7)"
                    : "binary digits (0 and 1)";
            throw in.errorAt(start, "invalid number " + token(start) + ": 0" + prefix + " is followed by " + digits);
        }
        long value = 0;
        for (int i = start + 2; i < in.at; i++) {
            if (in.text[i] != '_') {
                if (value > Long.MAX_VALUE >> bits) {
                    throw tooLarge(start);
                }
                value = value << bits | digitValue(in.text[i], 1 << bits);
            }
        }
        return value;
    }

    private TomlException tooLarge(int start) {
        return in.errorAt(start, "the integer " + token(start) + " is out of range: integers are 64-bit, "
                + "-9223372036854775808 to 9223372036854775807");
    }

    private String withoutUnderscores(int from, int to) {
        StringBuilder number = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (in.text[i] != '_') {
                number.append(in.text[i]);
            }
        }
        return number.toString();
    }

    /** The number being read, quoted, for messages (it runs to {@link #at}). */
    private String token(int start) {
        return "\"" + new String(in.text, start, in.at - start) + "\"";
    }

    static int digitValue(char c, int radix) {
        int value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        return value < radix ? value : -1;
    }
}
