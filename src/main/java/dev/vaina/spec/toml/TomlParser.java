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
public final class TomlParser extends TomlText {
    /** How deep arrays and inline tables may nest: a deeper document is refused rather than overflowing the stack. */
    static final int MAX_DEPTH = 512;

    private final TomlStrings strings = new TomlStrings(this);
    private final TomlNumbers numbers = new TomlNumbers(this);
    private final TomlDateTimes dateTimes = new TomlDateTimes(this);
    /** How many arrays and inline tables enclose the value being read. */
    private int depth;
    private final TomlTable root = new TomlTable(TomlTable.HEADER);
    /** The table that key/value lines go into: the root, then the table of the last header. */
    private TomlTable current = root;

    private TomlParser(char[] text) {
        super(text);
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
            if (strings.tripleQuoteAhead(text[at])) {
                throw error("a key cannot be a multi-line string: quote it with one \" or '");
            }
            return text[at] == '"' ? strings.basicString() : strings.literalString();
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

    private Object value() throws TomlException {
        if (at >= end || text[at] == '\n' || text[at] == '\r' || text[at] == '#') {
            throw error("expected a value, found " + found());
        }
        char c = text[at];
        switch (c) {
            case '"':
                return strings.tripleQuoteAhead(c) ? strings.multiLineString(c) : strings.basicString();
            case '\'':
                return strings.tripleQuoteAhead(c) ? strings.multiLineString(c) : strings.literalString();
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
                    return dateTimes.dateTime();
                }
                if (isDigit(c) && digitsAhead(2) && at + 2 < end && text[at + 2] == ':') {
                    int start = at;
                    dateTimes.partialTime();
                    return new TomlDateTime(TomlDateTime.Kind.LOCAL_TIME, new String(text, start, at - start));
                }
                if (isDigit(c) || c == '+' || c == '-' || c == 'i' || c == 'n') {
                    return numbers.number();
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

    // Messages

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
