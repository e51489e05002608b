package dev.vaina.spec.toml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a TOML 1.0.0 document (https://toml.io/en/v1.0.0) into a {@link TomlTable}, refusing whatever the
 * specification does not allow, with the line and column of the first fault. It reads registries.conf and
 * vaina.conf at a command's start, where this code runs interpreted: so it is a plain recursive descent over the
 * document's characters, with loops and a few classes, no regular expressions, lambdas or streams, and keeps a
 * date-time as checked text ({@link TomlDateTime}) rather than setting up java.time.
 *
 * <p>Where the specification leaves a choice: a byte order mark may start the document (a UTF-8 signature, not
 * text); a newline in a multi-line string reads as a line feed whether the file wrote LF or CR LF; a second of 60
 * (a leap second, which the grammar allows) is accepted; a fraction of a second keeps all its digits in the
 * date-time's text; a float beyond the range of a double reads as infinity, and one below its least value as zero,
 * as IEEE 754 rounds them; arrays and inline tables may nest {@value #MAX_DEPTH} levels deep.
 */
public final class TomlParser {
    /** How deep arrays and inline tables may nest: a deeper document is refused rather than overflowing the stack. */
    static final int MAX_DEPTH = 512;
    private static final String ESCAPES = "\\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX";

    private final char[] text;
    private final int end;
    private int at;
    /** The line of {@link #at}, from 1, and where that line starts, for positions. */
    private int line = 1;
    private int lineStart;
    /** How many arrays and inline tables enclose the value being read. */
    private int depth;
    private final TomlTable root = new TomlTable(TomlTable.HEADER);
    /** The table that key/value lines go into: the root, then the table of the last header. */
    private TomlTable current = root;

    private TomlParser(char[] text) {
        this.text = text;
        this.end = text.length;
    }

    public static TomlTable parse(String document) throws TomlException {
        return new TomlParser(document.toCharArray()).document();
    }

    /** Reads a file's bytes as UTF-8; a file that cannot be read is an IOException, one that is not TOML is not. */
    public static TomlTable parse(Path file) throws IOException, TomlException {
        return parse(Files.readAllBytes(file));
    }

    /** Reads a document's bytes, which must be UTF-8. */
    public static TomlTable parse(byte[] utf8) throws TomlException {
        return new TomlParser(decode(utf8)).document();
    }

    static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static char[] decode(byte[] bytes) throws TomlException {
        int ascii = 0;
        while (ascii < bytes.length && bytes[ascii] >= 0) {
            ascii++;
        }
        if (ascii == bytes.length) {
            // Most configuration files are ASCII, which needs no decoder.
            return new String(bytes, StandardCharsets.ISO_8859_1).toCharArray();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input, never replaces it
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never takes fewer bytes than UTF-16 chars
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new TomlException(line, column, "the document is not valid UTF-8 (byte 0x"
                    + Integer.toHexString(bytes[bad] & 0xff).toUpperCase(Locale.ROOT)
                    + "): a TOML document is UTF-8 text");
        }
        char[] chars = new char[out.position()];
        out.flip();
        out.get(chars);
        return chars;
    }

    private TomlTable document() throws TomlException {
        if (end > 0 && text[0] == '\uFEFF') {
            at = 1; // a byte order mark is the encoding's signature, not the document's text
        }
        while (true) {
            skipSpaces();
            if (at >= end) {
                return root;
            }
            char c = text[at];
            if (c == '[') {
                header();
                endOfLine("a table header");
            } else if (c == '#' || c == '\n' || c == '\r') {
                endOfLine("a comment");
            } else {
                keyValue(current);
                endOfLine("a key/value pair");
            }
        }
    }

    /** After a line's expression: spaces, perhaps a comment, then a newline or the end of the document. */
    private void endOfLine(String after) throws TomlException {
        skipSpaces();
        if (at < end && text[at] == '#') {
            comment();
        }
        if (at < end && !newline()) {
            throw error("expected the end of the line after " + after + " (only a comment may follow), found "
                    + found());
        }
    }

    private void skipSpaces() {
        while (at < end && (text[at] == ' ' || text[at] == '\t')) {
            at++;
        }
    }

    /** Spaces, newlines and comments, as an array may hold between its values. */
    private void skipSpacesNewlinesAndComments() throws TomlException {
        while (at < end) {
            char c = text[at];
            if (c == ' ' || c == '\t') {
                at++;
            } else if (c == '#') {
                comment();
            } else if (!newline()) {
                return;
            }
        }
    }

    /** Passes over a line feed or a CR LF, counting the line; false when neither is next. */
    private boolean newline() throws TomlException {
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
    private void comment() throws TomlException {
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
    private void textChar(String where) throws TomlException {
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

    /** {@code [a.b]} or {@code [[a.b]]}: finds or makes the table that the following key/value lines go into. */
    private void header() throws TomlException {
        int startLine = line;
        int startColumn = column();
        boolean arrayOfTables = at + 1 < end && text[at + 1] == '[';
        at += arrayOfTables ? 2 : 1;
        skipSpaces();
        List<String> keys = key();
        if (arrayOfTables) {
            if (at + 1 >= end || text[at] != ']' || text[at + 1] != ']') {
                throw error("expected ']]' to close the header [[" + TomlTable.joinKeyPath(keys) + "]], found "
                        + found());
            }
            at += 2;
        } else {
            if (at >= end || text[at] != ']') {
                throw error("expected ']' to close the header [" + TomlTable.joinKeyPath(keys) + "], found "
                        + found());
            }
            at++;
        }
        TomlTable parent = root;
        int last = keys.size() - 1;
        for (int i = 0; i < last; i++) {
            String key = keys.get(i);
            Object value = parent.get(key);
            if (value == null) {
                TomlTable made = new TomlTable(TomlTable.IMPLICIT);
                parent.put(key, made, startLine, startColumn);
                parent = made;
            } else if (value instanceof TomlTable table && table.origin != TomlTable.INLINE) {
                parent = table;
            } else if (parent.tableArray(key) != null) {
                // A header under an array of tables goes into its last table, the one most recently begun.
                List<Object> tables = parent.tableArray(key);
                parent = (TomlTable) tables.get(tables.size() - 1);
            } else {
                throw errorAt(startLine, startColumn, "the header " + headerName(keys, arrayOfTables)
                        + " cannot make a table under " + quoted(keys.subList(0, i + 1)) + ", which holds "
                        + kindOf(value) + " (line " + parent.lineOf(key) + ")");
            }
        }
        String key = keys.get(last);
        Object existing = parent.get(key);
        if (arrayOfTables) {
            TomlTable table = new TomlTable(TomlTable.HEADER);
            ArrayList<Object> tables = parent.tableArray(key);
            if (tables != null) {
                tables.add(table);
            } else if (existing == null) {
                tables = new ArrayList<>();
                tables.add(table);
                parent.putTableArray(key, tables, startLine, startColumn);
            } else {
                throw errorAt(startLine, startColumn, "the header " + headerName(keys, true) + " cannot add a table to "
                        + quoted(keys) + ", which holds " + kindOf(existing) + " (line " + parent.lineOf(key)
                        + "): [[...]] headers append only to the arrays of tables that [[...]] headers began");
            }
            current = table;
        } else if (existing == null) {
            current = new TomlTable(TomlTable.HEADER);
            parent.put(key, current, startLine, startColumn);
        } else if (existing instanceof TomlTable table && table.origin == TomlTable.IMPLICIT) {
            table.origin = TomlTable.HEADER;
            parent.definedAt(key, startLine, startColumn);
            current = table;
        } else if (existing instanceof TomlTable table && table.origin == TomlTable.HEADER) {
            throw errorAt(startLine, startColumn, "the table " + headerName(keys, false) + " is defined twice (first "
                    + "at line " + parent.lineOf(key) + "): a table is defined once");
        } else if (existing instanceof TomlTable table && table.origin == TomlTable.DOTTED) {
            throw errorAt(startLine, startColumn, "the table " + headerName(keys, false) + " was defined by dotted "
                    + "keys at line " + parent.lineOf(key) + ": a header may not define it again (headers of tables "
                    + "under it may)");
        } else {
            throw errorAt(startLine, startColumn, "the header " + headerName(keys, false) + " cannot define a table "
                    + "where " + quoted(keys) + " holds " + kindOf(existing) + " (line " + parent.lineOf(key) + ")");
        }
    }

    private static String headerName(List<String> keys, boolean arrayOfTables) {
        String path = TomlTable.joinKeyPath(keys);
        return arrayOfTables ? "[[" + path + "]]" : "[" + path + "]";
    }

    /** {@code key = value}, into a table: a header's, the root or an inline table being read. */
    private void keyValue(TomlTable table) throws TomlException {
        int startLine = line;
        int startColumn = column();
        List<String> keys = key();
        if (at >= end || text[at] != '=') {
            throw error("expected '=' after the key " + quoted(keys) + ", found " + found());
        }
        at++;
        skipSpaces();
        TomlTable target = table;
        int last = keys.size() - 1;
        for (int i = 0; i < last; i++) {
            target = dottedKeyStep(target, keys, i, startLine, startColumn);
        }
        String key = keys.get(last);
        if (target.contains(key)) {
            throw errorAt(startLine, startColumn, "the key " + quoted(keys) + " is defined twice (first at line "
                    + target.lineOf(key) + "): a key may be defined only once");
        }
        target.put(key, value(), startLine, startColumn);
    }

    /**
     * The table that the dotted key's part {@code i} names within {@code table}, made when missing. Dotted keys
     * may add to tables that dotted keys made and to those that headers made on their way, not yet defined; not
     * to a table a header defined, an inline table, or anything else.
     */
    private TomlTable dottedKeyStep(TomlTable table, List<String> keys, int i, int keyLine, int keyColumn)
            throws TomlException {
        String key = keys.get(i);
        Object value = table.get(key);
        if (value == null) {
            TomlTable made = new TomlTable(TomlTable.DOTTED);
            table.put(key, made, keyLine, keyColumn);
            return made;
        }
        if (value instanceof TomlTable next && (next.origin == TomlTable.DOTTED || next.origin == TomlTable.IMPLICIT)) {
            next.origin = TomlTable.DOTTED; // defined now: no header may define it later
            return next;
        }
        String why = value instanceof TomlTable next && next.origin == TomlTable.INLINE
                ? "an inline table is complete at its closing brace"
                : value instanceof TomlTable ? "its keys belong under its header"
                : "dotted keys add only to tables";
        throw errorAt(keyLine, keyColumn, "the key " + quoted(keys) + " cannot add to " + quoted(keys.subList(0, i + 1))
                + ", which holds " + kindOf(value) + " defined at line " + table.lineOf(key) + ": " + why);
    }

    /** A key, bare or quoted, or dotted (parts joined by dots, with spaces around them or not); spaces after it. */
    private List<String> key() throws TomlException {
        List<String> keys = new ArrayList<>(2);
        while (true) {
            keys.add(simpleKey());
            skipSpaces();
            if (at >= end || text[at] != '.') {
                return keys;
            }
            at++;
            skipSpaces();
        }
    }

    private String simpleKey() throws TomlException {
        if (at < end && (text[at] == '"' || text[at] == '\'')) {
            if (tripleQuoteAhead(text[at])) {
                throw error("a key cannot be a multi-line string: quote it with one \" or '");
            }
            return text[at] == '"' ? basicString() : literalString();
        }
        int start = at;
        while (at < end && isBareKeyChar(text[at])) {
            at++;
        }
        if (at == start) {
            throw error("expected a key, found " + found()
                    + ": a key is bare (letters, digits, _ and -) or quoted (\"...\" or '...')");
        }
        return new String(text, start, at - start);
    }

    private boolean tripleQuoteAhead(char quote) {
        return at + 2 < end && text[at] == quote && text[at + 1] == quote && text[at + 2] == quote;
    }

    private Object value() throws TomlException {
        if (at >= end || text[at] == '\n' || text[at] == '\r' || text[at] == '#') {
            throw error("expected a value, found " + found());
        }
        char c = text[at];
        switch (c) {
            case '"':
                return tripleQuoteAhead(c) ? multiLineString(c) : basicString();
            case '\'':
                return tripleQuoteAhead(c) ? multiLineString(c) : literalString();
            case '[':
                return array();
            case '{':
                return inlineTable();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            default:
                if (isDigit(c) && digitsAhead(4) && at + 4 < end && text[at + 4] == '-') {
                    return dateTime();
                }
                if (isDigit(c) && digitsAhead(2) && at + 2 < end && text[at + 2] == ':') {
                    int start = at;
                    partialTime();
                    return new TomlDateTime(TomlDateTime.Kind.LOCAL_TIME, new String(text, start, at - start));
                }
                if (isDigit(c) || c == '+' || c == '-' || c == 'i' || c == 'n') {
                    return number();
                }
                throw error("expected a value (a string, number, true or false, date-time, array or inline table), "
                        + "found " + found());
        }
    }

    private Boolean word(String word, Boolean value) throws TomlException {
        if (at + word.length() > end || !word.equals(new String(text, at, word.length()))) {
            throw error("expected a value, found " + found() + ": the booleans are true and false, in lower case");
        }
        at += word.length();
        return value;
    }

    // Strings

    /** A basic string on one line, with escapes: {@code "..."}. */
    private String basicString() throws TomlException {
        at++;
        StringBuilder escaped = null; // made at the first escape: most strings have none
        int run = at;
        while (true) {
            char c = at < end ? text[at] : '\n';
            if (c >= ' ' && c < 0x7f && c != '"' && c != '\\') {
                at++;
            } else if (c == '"') {
                String value = escaped == null ? new String(text, run, at - run)
                        : escaped.append(text, run, at - run).toString();
                at++;
                return value;
            } else if (c == '\n' || c == '\r' && at + 1 < end && text[at + 1] == '\n') {
                throw error("the string is not closed: a basic string ends with '\"' on its line (\"\"\" begins one "
                        + "over several lines)");
            } else if (c == '\\') {
                if (escaped == null) {
                    escaped = new StringBuilder();
                }
                escaped.append(text, run, at - run);
                escape(escaped);
                run = at;
            } else {
                textChar("a basic string");
            }
        }
    }

    /** A literal string on one line, as written: {@code '...'}. */
    private String literalString() throws TomlException {
        int start = ++at;
        while (true) {
            char c = at < end ? text[at] : '\n';
            if (c == '\'') {
                return new String(text, start, at++ - start);
            }
            if (c >= ' ' && c < 0x7f) {
                at++;
            } else if (c == '\n' || c == '\r' && at + 1 < end && text[at + 1] == '\n') {
                throw error("the string is not closed: a literal string ends with \"'\" on its line (''' begins one "
                        + "over several lines)");
            } else {
                textChar("a literal string");
            }
        }
    }

    /**
     * A multi-line basic ({@code """..."""}, with escapes) or literal ({@code '''...'''}) string. A newline right
     * after the opening delimiter is not part of it, and up to two quotes may stand before the closing one (so
     * five quotes close a string that ends with two).
     */
    private String multiLineString(char quote) throws TomlException {
        boolean basic = quote == '"';
        int startLine = line;
        int startColumn = column();
        at += 3;
        newline();
        StringBuilder value = new StringBuilder();
        int run = at;
        while (true) {
            if (at >= end) {
                throw errorAt(startLine, startColumn, "the multi-line string is not closed: it ends with "
                        + quote + quote + quote);
            }
            char c = text[at];
            if (c == quote) {
                int quotes = 1;
                while (at + quotes < end && text[at + quotes] == quote && quotes < 5) {
                    quotes++;
                }
                if (quotes >= 3) {
                    value.append(text, run, at + quotes - 3 - run);
                    at += quotes;
                    return value.toString();
                }
                at += quotes;
            } else if (c == '\n') {
                newline();
            } else if (c == '\r' && at + 1 < end && text[at + 1] == '\n') {
                // Read as a line feed: the value does not depend on the line endings the file was saved with.
                value.append(text, run, at - run).append('\n');
                newline();
                run = at;
            } else if (c == '\\' && basic) {
                value.append(text, run, at - run);
                if (!lineEndingBackslash()) {
                    escape(value);
                }
                run = at;
            } else {
                textChar(basic ? "a multi-line basic string" : "a multi-line literal string");
            }
        }
    }

    /**
     * A backslash that ends a line of a multi-line basic string (spaces may stand between): it and all the white
     * space and newlines after it are left out of the value. False, with nothing consumed, for another backslash.
     */
    private boolean lineEndingBackslash() throws TomlException {
        int next = at + 1;
        while (next < end && (text[next] == ' ' || text[next] == '\t')) {
            next++;
        }
        if (next >= end || text[next] != '\n' && !(text[next] == '\r' && next + 1 < end && text[next + 1] == '\n')) {
            return false;
        }
        at = next;
        while (at < end) {
            if (text[at] == ' ' || text[at] == '\t') {
                at++;
            } else if (!newline()) {
                break;
            }
        }
        return true;
    }

    /** An escape at a backslash, appended to the value. */
    private void escape(StringBuilder value) throws TomlException {
        char c = at + 1 < end ? text[at + 1] : 0;
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
                at++;
                throw error("invalid escape: a backslash followed by " + found() + "; the escapes are " + ESCAPES);
            }
        }
        at += 2;
    }

    /** The code point of {@code \\uXXXX} or {@code \\UXXXXXXXX} at the backslash, which must be a Unicode scalar. */
    private int unicodeEscape(int digits) throws TomlException {
        long value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = at + 2 + i < end ? digitValue(text[at + 2 + i], 16) : -1;
            if (digit < 0) {
                throw error("invalid escape: \\" + text[at + 1] + " takes exactly " + digits + " hex digits");
            }
            value = value * 16 + digit;
        }
        if (value > 0x10ffff || value >= 0xd800 && value <= 0xdfff) {
            throw error("invalid escape " + new String(text, at, digits + 2) + ": not a Unicode scalar value "
                    + "(0 to D7FF and E000 to 10FFFF)");
        }
        at += digits;
        return (int) value;
    }

    // Arrays and inline tables

    private List<Object> array() throws TomlException {
        nest();
        int startLine = line;
        int startColumn = column();
        at++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpacesNewlinesAndComments();
            if (at >= end) {
                throw errorAt(startLine, startColumn, "the array is not closed: it ends with ']'");
            }
            if (text[at] == ']') {
                break;
            }
            items.add(value());
            skipSpacesNewlinesAndComments();
            if (at < end && text[at] == ',') {
                at++;
            } else if (at < end && text[at] == ']') {
                break;
            } else if (at >= end) {
                throw errorAt(startLine, startColumn, "the array is not closed: it ends with ']'");
            } else {
                throw error("expected ',' or ']' after a value in an array, found " + found());
            }
        }
        at++;
        depth--;
        return List.copyOf(items);
    }

    /** {@code { key = value, ... }} on one line, with no comma after the last pair, complete once closed. */
    private TomlTable inlineTable() throws TomlException {
        nest();
        at++;
        TomlTable table = new TomlTable(TomlTable.DOTTED);
        skipSpaces();
        boolean more = at >= end || text[at] != '}';
        while (more) {
            if (at >= end || text[at] == '\n' || text[at] == '\r' || text[at] == '#') {
                throw error("expected a key of the inline table, found " + found()
                        + ": an inline table is written on one line");
            }
            keyValue(table);
            skipSpaces();
            if (at < end && text[at] == ',') {
                at++;
                skipSpaces();
                if (at < end && text[at] == '}') {
                    throw error("a comma after the last key/value pair of an inline table is not allowed");
                }
            } else if (at < end && text[at] == '}') {
                more = false;
            } else {
                throw error("expected ',' or '}' after a value in an inline table, found " + found()
                        + (at >= end || text[at] == '\n' || text[at] == '\r' || text[at] == '#'
                        ? ": an inline table is written on one line" : ""));
            }
        }
        at++;
        depth--;
        // Only this table needs marking: the tables its dotted keys made can be reached only through it.
        table.origin = TomlTable.INLINE;
        return table;
    }

    private void nest() throws TomlException {
        if (++depth > MAX_DEPTH) {
            throw error("arrays and inline tables nest more than " + MAX_DEPTH + " levels deep");
        }
    }

    // Numbers

    /** An integer (decimal, or 0x, 0o, 0b without a sign) or a float, underscores between digits. */
    private Object number() throws TomlException {
        int start = at;
        while (at < end && isNumberChar(text[at])) {
            at++;
        }
        int digits = start;
        boolean negative = text[start] == '-';
        if (negative || text[start] == '+') {
            digits++;
        }
        int length = at - digits;
        if (length == 3 && text[digits] == 'i' && text[digits + 1] == 'n' && text[digits + 2] == 'f') {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (length == 3 && text[digits] == 'n' && text[digits + 1] == 'a' && text[digits + 2] == 'n') {
            return Double.NaN;
        }
        if (length == 0 || !isDigit(text[digits])) {
            throw errorAt(start, "invalid value " + token(start) + ": expected a string (in quotes), a number, true "
                    + "or false, a date-time, an array or an inline table");
        }
        if (length > 1 && text[digits] == '0' && (text[digits + 1] == 'x' || text[digits + 1] == 'o'
                || text[digits + 1] == 'b')) {
            if (digits != start) {
                throw errorAt(start, "invalid number " + token(start) + ": hexadecimal, octal and binary integers "
                        + "take no sign");
            }
            return prefixedInteger(start);
        }
        int integerEnd = digitsEnd(digits, 10);
        if (integerEnd == digits) {
            throw errorAt(start, "invalid number " + token(start) + ": expected a decimal integer, a float, "
                    + "inf or nan (or 0x, 0o, 0b integers)");
        }
        if (text[digits] == '0' && integerEnd > digits + 1) {
            throw errorAt(start, "invalid number " + token(start) + ": leading zeros are not allowed");
        }
        int next = integerEnd;
        boolean isFloat = false;
        if (next < at && text[next] == '.') {
            isFloat = true;
            int fractionEnd = digitsEnd(next + 1, 10);
            if (fractionEnd == next + 1) {
                throw errorAt(start, "invalid number " + token(start) + ": a decimal point stands between digits");
            }
            next = fractionEnd;
        }
        if (next < at && (text[next] == 'e' || text[next] == 'E')) {
            isFloat = true;
            next++;
            if (next < at && (text[next] == '+' || text[next] == '-')) {
                next++;
            }
            int exponentEnd = digitsEnd(next, 10);
            if (exponentEnd == next) {
                throw errorAt(start, "invalid number " + token(start) + ": an exponent needs digits");
            }
            next = exponentEnd;
        }
        if (next != at) {
            throw errorAt(start, "invalid number " + token(start) + ": expected a decimal integer, a float "
                    + "(1.5, 1e6, 1.5e-3), inf or nan (or 0x, 0o, 0b integers)");
        }
        if (isFloat) {
            return Double.parseDouble(withoutUnderscores(start, at));
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
        while (i < at) {
            if (text[i] == '_') {
                if (i == from || i + 1 >= at || digitValue(text[i + 1], radix) < 0) {
                    throw errorAt(i, "invalid number: an underscore stands between two digits");
                }
            } else if (digitValue(text[i], radix) < 0) {
                break;
            }
            i++;
        }
        return i;
    }

    private Long decimalInteger(int start, int digits, boolean negative) throws TomlException {
        // Summed negative, whose range is one larger, so that -9223372036854775808 fits.
        long value = 0;
        for (int i = digits; i < at; i++) {
            if (text[i] != '_') {
                int digit = text[i] - '0';
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
        char prefix = text[start + 1];
        int bits = prefix == 'x' ? 4 : prefix == 'o' ? 3 : 1;
        int digitsEnd = digitsEnd(start + 2, 1 << bits);
        if (digitsEnd == start + 2 || digitsEnd != at) {
            String digits = prefix == 'x' ? "hexadecimal digits (0-9, a-f, A-F)" : prefix == 'o' ? "octal digits (0-7)"
                    : "binary digits (0 and 1)";
            throw errorAt(start, "invalid number " + token(start) + ": 0" + prefix + " is followed by " + digits);
        }
        long value = 0;
        for (int i = start + 2; i < at; i++) {
            if (text[i] != '_') {
                if (value > Long.MAX_VALUE >> bits) {
                    throw tooLarge(start);
                }
                value = value << bits | digitValue(text[i], 1 << bits);
            }
        }
        return value;
    }

    private TomlException tooLarge(int start) {
        return errorAt(start, "the integer " + token(start) + " is out of range: integers are 64-bit, "
                + "-9223372036854775808 to 9223372036854775807");
    }

    private String withoutUnderscores(int from, int to) {
        StringBuilder number = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (text[i] != '_') {
                number.append(text[i]);
            }
        }
        return number.toString();
    }

    /** The number being read, quoted, for messages (it runs to {@link #at}). */
    private String token(int start) {
        return "\"" + new String(text, start, at - start) + "\"";
    }

    private static int digitValue(char c, int radix) {
        int value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        return value < radix ? value : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean digitsAhead(int count) {
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

    // Dates and times

    /** A date, perhaps followed by a time (after T, t or one space) and then perhaps an offset. */
    private TomlDateTime dateTime() throws TomlException {
        int start = at;
        int year = field(4, 0, 9999, "year", "0000 to 9999");
        expect('-', "the date's month (YYYY-MM-DD)");
        int month = field(2, 1, 12, "month", "01 to 12");
        expect('-', "the date's day (YYYY-MM-DD)");
        int dayColumn = column();
        int day = field(2, 1, 31, "day", "01 to 31");
        if (day > daysIn(month, year)) {
            throw errorAt(line, dayColumn, "invalid date " + new String(text, start, at - start) + ": "
                    + (month == 2 ? "February " + year : "the month") + " has " + daysIn(month, year) + " days");
        }
        boolean timeFollows = at < end && (text[at] == 'T' || text[at] == 't') || at + 3 < end && text[at] == ' '
                && isDigit(text[at + 1]) && isDigit(text[at + 2]) && text[at + 3] == ':';
        if (!timeFollows) {
            return new TomlDateTime(TomlDateTime.Kind.LOCAL_DATE, new String(text, start, at - start));
        }
        at++;
        partialTime();
        TomlDateTime.Kind kind = TomlDateTime.Kind.LOCAL_DATE_TIME;
        if (at < end && (text[at] == 'Z' || text[at] == 'z')) {
            at++;
            kind = TomlDateTime.Kind.OFFSET_DATE_TIME;
        } else if (at < end && (text[at] == '+' || text[at] == '-')) {
            at++;
            field(2, 0, 23, "offset's hour", "00 to 23");
            expect(':', "the offset's minutes (+HH:MM)");
            field(2, 0, 59, "offset's minute", "00 to 59");
            kind = TomlDateTime.Kind.OFFSET_DATE_TIME;
        }
        return new TomlDateTime(kind, new String(text, start, at - start));
    }

    /** HH:MM:SS with a fraction of a second or not (TOML 1.0.0 requires the seconds). */
    private void partialTime() throws TomlException {
        field(2, 0, 23, "hour", "00 to 23");
        expect(':', "the time's minutes (HH:MM:SS)");
        field(2, 0, 59, "minute", "00 to 59");
        expect(':', "the time's seconds (HH:MM:SS): TOML 1.0.0 requires them");
        field(2, 0, 60, "second", "00 to 60");
        if (at < end && text[at] == '.') {
            at++;
            if (at >= end || !isDigit(text[at])) {
                throw error("expected the digits of a fraction of a second after '.', found " + found());
            }
            while (at < end && isDigit(text[at])) {
                at++;
            }
        }
    }

    private int field(int digits, int min, int max, String name, String range) throws TomlException {
        if (!digitsAhead(digits)) {
            throw error("expected the " + name + " (" + digits + " digits, " + range + "), found " + found());
        }
        int value = 0;
        for (int i = 0; i < digits; i++) {
            value = value * 10 + text[at + i] - '0';
        }
        if (value < min || value > max) {
            throw error("invalid " + name + " " + new String(text, at, digits) + ": expected " + range);
        }
        at += digits;
        return value;
    }

    private void expect(char c, String before) throws TomlException {
        if (at >= end || text[at] != c) {
            throw error("expected '" + c + "' before " + before + ", found " + found());
        }
        at++;
    }

    private static int daysIn(int month, int year) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    // Messages

    private int column() {
        return at - lineStart + 1;
    }

    private TomlException error(String problem) {
        return new TomlException(line, column(), problem);
    }

    /** At an offset on the current line. */
    private TomlException errorAt(int offset, String problem) {
        return new TomlException(line, offset - lineStart + 1, problem);
    }

    private static TomlException errorAt(int line, int column, String problem) {
        return new TomlException(line, column, problem);
    }

    /** What stands at {@link #at}, for messages. */
    private String found() {
        if (at >= end) {
            return "the end of the document";
        }
        char c = text[at];
        if (c == '\n' || c == '\r') {
            return "the end of the line";
        }
        return c < 0x20 || c == 0x7f || c >= 0xd800 && c <= 0xdfff ? codePoint(c) : "'" + c + "'";
    }

    private static String codePoint(char c) {
        String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        return "U+" + "0000".substring(hex.length()) + hex;
    }

    /** A key path for messages, in quotes unless it has quoted parts already. */
    private static String quoted(List<String> keys) {
        String path = TomlTable.joinKeyPath(keys);
        return path.indexOf('"') < 0 ? "\"" + path + "\"" : path;
    }

    private static String kindOf(Object value) {
        if (value instanceof TomlTable table) {
            return table.origin == TomlTable.INLINE ? "an inline table" : table.origin == TomlTable.DOTTED
                    ? "a table made by dotted keys" : "a table";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long) {
            return "an integer";
        }
        if (value instanceof Double) {
            return "a float";
        }
        return value instanceof Boolean ? "a boolean" : "a date-time";
    }
}
