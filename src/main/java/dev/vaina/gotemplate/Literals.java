package dev.vaina.gotemplate;

/** Go's literal syntax for numbers, characters and interpreted strings. */
final class Literals {
    /** Turns a message into the error of the item being read, so that it carries the item's line. */
    interface Failure {
        TemplateException of(String message);
    }

    private Literals() {
    }

    /** An integer constant as a Long, anything else numeric as a Double. */
    static Object number(String text, Failure failure) throws TemplateException {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        try {
            String lower = unsigned.toLowerCase();
            long magnitude;
            if (lower.startsWith("0x") && !lower.contains("p")) {
                magnitude = Long.parseLong(unsigned.substring(2), 16);
            } else if (lower.startsWith("0b")) {
                magnitude = Long.parseLong(unsigned.substring(2), 2);
            } else if (lower.startsWith("0o")) {
                magnitude = Long.parseLong(unsigned.substring(2), 8);
            } else if (lower.matches("0[0-7]+")) {
                magnitude = Long.parseLong(unsigned.substring(1), 8);
            } else if (lower.matches("[0-9]+")) {
                magnitude = Long.parseLong(unsigned);
            } else if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
                double value = Double.parseDouble(unsigned);
                return negative ? -value : value;
            } else {
                throw failure.of("bad number syntax: \"" + text + "\"");
            }
            return negative ? -magnitude : magnitude;
        } catch (NumberFormatException e) {
            throw failure.of("bad number syntax: \"" + text + "\"");
        }
    }

    /** A character constant is its code point, an integer, as in Go. */
    static Object character(String quoted, Failure failure) throws TemplateException {
        String value = unescape(quoted.substring(1, quoted.length() - 1), failure);
        if (value.codePointCount(0, value.length()) != 1) {
            throw failure.of("malformed character constant: " + quoted);
        }
        return (long) value.codePointAt(0);
    }

    static String unquote(String quoted, Failure failure) throws TemplateException {
        return unescape(quoted.substring(1, quoted.length() - 1), failure);
    }

    private static String unescape(String body, Failure failure) throws TemplateException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw failure.of("invalid syntax");
            }
            char escape = body.charAt(i);
            switch (escape) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case '\\', '"', '\'' -> out.append(escape);
                case 'x', 'u', 'U' -> {
                    int length = escape == 'x' ? 2 : escape == 'u' ? 4 : 8;
                    if (i + length >= body.length()) {
                        throw failure.of("invalid syntax");
                    }
                    try {
                        out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 1 + length), 16));
                    } catch (NumberFormatException e) {
                        throw failure.of("invalid syntax");
                    }
                    i += length;
                }
                default -> throw failure.of("invalid syntax");
            }
        }
        return out.toString();
    }
}
