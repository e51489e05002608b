package dev.vaina.spec.toml;

import java.util.Locale;

/**
 * A TOML document's characters and where a reader stands in them (the offset, the line and where it starts), with
 * what every part of the reader needs: passing over spaces, newlines and comments, checking a character of text, and
 * errors that say where the document went wrong. {@link TomlParser} reads the document's structure over it,
 * {@link TomlStrings}, {@link TomlNumbers} and {@link TomlDateTimes} its values.
 */
class TomlText {
    final char[] text;
    final int end;
    int at;
    /** The line of {@link #at}, from 1, and where that line starts, for positions. */
    int line = 1;
    int lineStart;

    TomlText(char[] text) {
        this.text = text;
        this.end = text.length;
    }

    void skipSpaces() {
        while (at < end && (text[at] == ' ' || text[at] == '\t')) {
            at++;
        }
    }

    /** Passes over a line feed or a CR LF, counting the line; false when neither is next. */
    boolean newline() throws TomlException {
        if (at >= end) {
            return false;
        }
        if (text[at] == '\r') {
            if (at + 1 >= end || text[at + 1] != '\n') {
                throw error("a carriage return (U+000D) must be followed by a line feed: lines end with LF or CR LF");
            }
            at++;
        } else if (text[at] != '\n') {
            return false;
        }
        at++;
        line++;
        lineStart = at;
        return true;
    }

    /** From '#' to the end of the line (left for the caller). */
    void comment() throws TomlException {
        at++;
        while (at < end) {
            char c = text[at];
            if (c >= ' ' && c < 0x7f) {
                at++; // most of a configuration file is comments: the common case takes no call
            } else if (c == '\n' || c == '\r' && at + 1 < end && text[at + 1] == '\n') {
                return;
            } else {
                textChar("a comment");
            }
        }
    }

    /**
     * Passes over one character of a comment or string, which may be anything but a control character other than
     * tab (the specification's rule for both) or half of a surrogate pair (not a Unicode character).
     */
    void textChar(String where) throws TomlException {
        char c = text[at];
        if (c < 0x20 && c != '\t' || c == 0x7f) {
            throw error("control character " + codePoint(c) + " is not allowed in " + where
                    + ": tab is the only one that may stand as is" + (where.contains("basic")
                    ? " (write the others as escapes, such as \\u" + codePoint(c).substring(2) + ")" : ""));
        }
        if (c >= 0xd800 && c <= 0xdfff) {
            if (c <= 0xdbff && at + 1 < end && text[at + 1] >= 0xdc00 && text[at + 1] <= 0xdfff) {
                at += 2;
                return;
            }
            throw error("lone surrogate " + codePoint(c) + " in " + where + ": a TOML document is Unicode text");
        }
        at++;
    }

    void expect(char c, String before) throws TomlException {
        if (at >= end || text[at] != c) {
            throw error("expected '" + c + "' before " + before + ", found " + found());
        }
        at++;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    boolean digitsAhead(int count) {
        if (at + count > end) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (!isDigit(text[i])) {
                return false;
            }
        }
        return true;
    }

    int column() {
        return at - lineStart + 1;
    }

    TomlException error(String problem) {
        return new TomlException(line, column(), problem);
    }

    /** At an offset on the current line. */
    TomlException errorAt(int offset, String problem) {
        return new TomlException(line, offset - lineStart + 1, problem);
    }

    static TomlException errorAt(int line, int column, String problem) {
        return new TomlException(line, column, problem);
    }

    /** What stands at {@link #at}, for messages. */
    String found() {
        if (at >= end) {
            return "the end of the document";
        }
        char c = text[at];
        if (c == '\n' || c == '\r') {
            return "the end of the line";
        }
        return c < 0x20 || c == 0x7f || c >= 0xd800 && c <= 0xdfff ? codePoint(c) : "'" + c + "'";
    }

    static String codePoint(char c) {
        String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        return "U+" + "0000".substring(hex.length()) + hex;
    }
}
