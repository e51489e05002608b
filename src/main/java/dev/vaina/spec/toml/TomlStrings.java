package dev.vaina.spec.toml;

/**
 * The four kinds of TOML string, read from where {@link TomlParser} stands in the document: basic and literal, on one
 * line or over several, with the specification's escapes.
 */
final class TomlStrings {
    private static final String ESCAPES = "\\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX";

    private final TomlText in;

    TomlStrings(TomlText in) {
        this.in = in;
    }

    boolean tripleQuoteAhead(char quote) {
        return in.at + 2 < in.end && in.text[in.at] == quote && in.text[in.at + 1] == quote
                && in.text[in.at + 2] == quote;
    }

    /** A basic string on one line, with escapes: {@code "..."}. */
    String basicString() throws TomlException {
        in.at++;
        StringBuilder escaped = null; // made at the first escape: most strings have none
        int run = in.at;
        while (true) {
            char c = in.at < in.end ? in.text[in.at] : '\n';
            if (c >= ' ' && c < 0x7f && c != '"' && c != '\\') {
                in.at++;
            } else if (c == '"') {
                String value = escaped == null ? new String(in.text, run, in.at - run)
                        : escaped.append(in.text, run, in.at - run).toString();
                in.at++;
                return value;
            } else if (c == '\n' || c == '\r' && in.at + 1 < in.end && in.text[in.at + 1] == '\n') {
                throw in.error("the string is not closed: a basic string ends with '\"' on its line (\"\"\" begins one "
                        + "over several lines)");
            } else if (c == '\\') {
                if (escaped == null) {
                    escaped = new StringBuilder();
                }
                escaped.append(in.text, run, in.at - run);
                escape(escaped);
                run = in.at;
            } else {
                in.textChar("a basic string");
            }
        }
    }

    /** A literal string on one line, as written: {@code '...'}. */
    String literalString() throws TomlException {
        int start = ++in.at;
        while (true) {
            char c = in.at < in.end ? in.text[in.at] : '\n';
            if (c == '\'') {
                return new String(in.text, start, in.at++ - start);
            }
            if (c >= ' ' && c < 0x7f) {
                in.at++;
            } else if (c == '\n' || c == '\r' && in.at + 1 < in.end && in.text[in.at + 1] == '\n') {
                throw in.error("the string is not closed: a literal string ends with \"'\" on its line (''' begins one "
                        + "over several lines)");
            } else {
                in.textChar("a literal string");
            }
        }
    }

    /**
     * A multi-line basic ({@code """..."""}, with escapes) or literal ({@code '''...'''}) string. A newline right
     * after the opening delimiter is not part of it, and up to two quotes may stand before the closing one (so
     * five quotes close a string that ends with two).
     */
    String multiLineString(char quote) throws TomlException {
        boolean basic = quote == '"';
        int startLine = in.line;
        int startColumn = in.column();
        in.at += 3;
        in.newline();
        StringBuilder value = new StringBuilder();
        int run = in.at;
        while (true) {
            if (in.at >= in.end) {
                throw TomlText.errorAt(startLine, startColumn, "the multi-line string is not closed: it ends with "
                        + quote + quote + quote);
            }
            char c = in.text[in.at];
            if (c == quote) {
                int quotes = 1;
                while (in.at + quotes < in.end && in.text[in.at + quotes] == quote && quotes < 5) {
                    quotes++;
                }
                if (quotes >= 3) {
                    value.append(in.text, run, in.at + quotes - 3 - run);
                    in.at += quotes;
                    return value.toString();
                }
                in.at += quotes;
            } else if (c == '\n') {
                in.newline();
            } else if (c == '\r' && in.at + 1 < in.end && in.text[in.at + 1] == '\n') {
                // Read as a line feed: the value does not depend on the line endings the file was saved with.
                value.append(in.text, run, in.at - run).append('\n');
                in.newline();
                run = in.at;
            } else if (c == '\\' && basic) {
                value.append(in.text, run, in.at - run);
                if (!lineEndingBackslash()) {
                    escape(value);
                }
                run = in.at;
            } else {
                in.textChar(basic ? "a multi-line basic string" : "a multi-line literal string");
            }
        }
    }

    /**
     * A backslash that ends a line of a multi-line basic string (spaces may stand between): it and all the white
     * space and newlines after it are left out of the value. False, with nothing consumed, for another backslash.
     */
    private boolean lineEndingBackslash() throws TomlException {
        int next = in.at + 1;
        while (next < in.end && (in.text[next] == ' ' || in.text[next] == '\t')) {
            next++;
        }
        if (next >= in.end || in.text[next] != '\n'
                && !(in.text[next] == '\r' && next + 1 < in.end && in.text[next + 1] == '\n')) {
            return false;
        }
        in.at = next;
        while (in.at < in.end) {
            if (in.text[in.at] == ' ' || in.text[in.at] == '\t') {
                in.at++;
            } else if (!in.newline()) {
                break;
            }
        }
        return true;
    }

    /** An escape at a backslash, appended to the value. */
    private void escape(StringBuilder value) throws TomlException {
        char c = in.at + 1 < in.end ? in.text[in.at + 1] : 0;
        switch (c) {
            case 'b' -> value.append('\b');
            case 't' -> value.append('\t');
            case 'n' -> value.append('\n');
            case 'f' -> value.append('\f');
            case 'r' -> value.append('\r');
            case '"' -> value.append('"');
            case '\\' -> value.append('\\');
            case 'u' -> value.appendCodePoint(unicodeEscape(4));
            case 'U' -> value.appendCodePoint(unicodeEscape(8));
            default -> {
                in.at++;
                throw in.error("invalid escape: a backslash followed by " + in.found() + "; the escapes are "
                        + ESCAPES);
            }
        }
        in.at += 2;
    }

    /** The code point of {@code \\uXXXX} or {@code \\UXXXXXXXX} at the backslash, which must be a Unicode scalar. */
    private int unicodeEscape(int digits) throws TomlException {
        long value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = in.at + 2 + i < in.end ? TomlNumbers.digitValue(in.text[in.at + 2 + i], 16) : -1;
            if (digit < 0) {
                throw in.error("invalid escape: \\" + in.text[in.at + 1] + " takes exactly " + digits + " hex digits");
            }
            value = value * 16 + digit;
        }
        if (value > 0x10ffff || value >= 0xd800 && value <= 0xdfff) {
            throw in.error("invalid escape " + new String(in.text, in.at, digits + 2) + ": not a Unicode scalar value "
                    + "(0 to D7FF and E000 to 10FFFF)");
        }
        in.at += digits;
        return (int) value;
    }
}
