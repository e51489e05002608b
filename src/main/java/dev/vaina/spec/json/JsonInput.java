package dev.vaina.spec.json;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON document, value by value, for the record readers the build writes (store's {@code RecordJson}),
 * or whole into plain maps and lists ({@link #parse}). It is strict: a value must have the JSON type of the field
 * it fills (a number for an {@code int}, a string for a {@code String}; no coercion), and nothing but white space
 * may follow the document. What it accepts jackson-jr reads to the same record; where jackson-jr would coerce, this
 * refuses. It lives in {@code spec} so that every package may read JSON without jackson-jr, whose set-up the
 * launcher paid on its way to netavark and the runtime.
 */
public final class JsonInput {
    private final byte[] bytes;
    private final String source;
    private int at;
    /** Whether the object or array just begun has had no property or element yet. */
    private boolean first;

    public JsonInput(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    /**
     * A document read whole into plain maps and lists ({@link #value}), as jackson-jr's {@code anyFrom} reads it;
     * anything but white space after it is refused (jackson-jr reads no further).
     *
     * @param source what to name in an error: the file, or what the document came from
     */
    public static Object parse(byte[] json, String source) throws IOException {
        JsonInput in = new JsonInput(json, source);
        Object value = in.value();
        in.end();
        return value;
    }

    /** A document that is an object (or null), as jackson-jr's {@code mapFrom} reads it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] json, String source) throws IOException {
        Object value = parse(json, source);
        if (value != null && !(value instanceof Map)) {
            throw new IOException(source + ": expected a JSON object, found " + (value instanceof List ? "an array"
                    : "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
        }
        return (Map<String, Object>) value;
    }

    /** Consumes a {@code null} and returns true when that is the next value. */
    public boolean nextIsNull() throws IOException {
        if (peek() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    public void beginObject() throws IOException {
        expect('{');
        first = true;
    }

    /** The next property's name (its value is the next value), or null once the object has ended. */
    public String nextName() throws IOException {
        if (!more('}')) {
            return null;
        }
        if (peek() != '"') {
            throw malformed("a property name");
        }
        String name = quoted();
        expect(':');
        return name;
    }

    public void beginArray() throws IOException {
        expect('[');
        first = true;
    }

    /** Whether the array has another element (then it is the next value); consumes its end otherwise. */
    public boolean hasNextElement() throws IOException {
        return more(']');
    }

    /** Whether the object or array goes on (past its comma), or has ended with {@code close} (consumed). */
    private boolean more(char close) throws IOException {
        if (peek() == close) {
            at++;
            first = false;
            return false;
        }
        if (!first) {
            expect(',');
        }
        first = false;
        return true;
    }

    /** A string, or null. */
    public String string() throws IOException {
        if (nextIsNull()) {
            return null;
        }
        if (peek() != '"') {
            throw malformed("a string");
        }
        return quoted();
    }

    /** A number that fits an {@code int}; {@code null} reads as 0, as jackson-jr reads it. */
    public int intValue() throws IOException {
        long value = longValue();
        if (value != (int) value) {
            throw new IOException(source + ": " + value + " at offset " + at + " is out of an int's range");
        }
        return (int) value;
    }

    /** A whole number that fits a {@code long}; {@code null} reads as 0, as jackson-jr reads it. */
    public long longValue() throws IOException {
        if (nextIsNull()) {
            return 0;
        }
        int start = at;
        boolean negative = peek() == '-';
        if (negative) {
            at++;
        }
        if (at >= bytes.length || bytes[at] < '0' || bytes[at] > '9' || bytes[at] == '0' && at + 1 < bytes.length
                && bytes[at + 1] >= '0' && bytes[at + 1] <= '9') {
            at = start;
            throw malformed("a whole number");
        }
        long value = 0;
        while (at < bytes.length && bytes[at] >= '0' && bytes[at] <= '9') {
            int digit = bytes[at++] - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                at = start;
                throw malformed("a number within a long's range");
            }
            value = value * 10 - digit;
        }
        if (at < bytes.length && (bytes[at] == '.' || bytes[at] == 'e' || bytes[at] == 'E')) {
            at = start;
            throw malformed("a whole number");
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                at = start;
                throw malformed("a number within a long's range");
            }
            value = -value;
        }
        return value;
    }

    /** {@code true} or {@code false}; {@code null} reads as false, as jackson-jr reads it. */
    public boolean booleanValue() throws IOException {
        byte next = peek();
        if (next == 't') {
            literal("true");
            return true;
        }
        if (next == 'f') {
            literal("false");
            return false;
        }
        if (next == 'n') {
            literal("null");
            return false;
        }
        throw malformed("true or false");
    }

    public Integer integerOrNull() throws IOException {
        return nextIsNull() ? null : intValue();
    }

    public Long longOrNull() throws IOException {
        return nextIsNull() ? null : longValue();
    }

    public Boolean booleanOrNull() throws IOException {
        return nextIsNull() ? null : booleanValue();
    }

    /**
     * The next value, whatever it is, as jackson-jr reads a document into plain objects: an object as a
     * LinkedHashMap (a key twice is refused), an array as an ArrayList, a whole number as an Integer, else a Long,
     * else a BigInteger, any other number as a Double, and strings, booleans and null.
     */
    public Object value() throws IOException {
        switch (peek()) {
            case '"':
                return quoted();
            case 't':
            case 'f':
                return booleanValue();
            case 'n':
                literal("null");
                return null;
            case '{': {
                Map<String, Object> map = new LinkedHashMap<>();
                beginObject();
                for (String name = nextName(); name != null; name = nextName()) {
                    if (map.containsKey(name)) {
                        throw new IOException(source + ": \"" + name + "\" twice in an object, near offset " + at);
                    }
                    map.put(name, value());
                }
                return map;
            }
            case '[': {
                List<Object> list = new ArrayList<>();
                beginArray();
                while (hasNextElement()) {
                    list.add(value());
                }
                return list;
            }
            default:
                return number();
        }
    }

    private Number number() throws IOException {
        int start = at;
        skipNumber();
        String text = new String(bytes, start, at - start, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return Double.parseDouble(text);
            }
        }
        if (text.length() < 10) {
            return Integer.parseInt(text);
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    /** Passes over the next value, whatever it is. */
    public void skipValue() throws IOException {
        byte next = peek();
        switch (next) {
            case '"' -> quoted();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            case '{' -> {
                beginObject();
                while (nextName() != null) {
                    skipValue();
                }
            }
            case '[' -> {
                beginArray();
                while (hasNextElement()) {
                    skipValue();
                }
            }
            default -> skipNumber();
        }
    }

    /** Checks that nothing but white space follows the document. */
    public void end() throws IOException {
        skipSpace();
        if (at < bytes.length) {
            throw malformed("the end of the document");
        }
    }

    /** Why a record could not be made of what was read. */
    public IOException invalid(String what, RuntimeException cause) {
        IOException e = new IOException(source + ": not a valid " + what + " (" + cause.getMessage() + ")");
        e.initCause(cause);
        return e;
    }

    /** Why a value could not be read: not one of its enum's names. */
    public IOException unknown(String what, String name) {
        return new IOException(source + ": \"" + name + "\" is not a " + what);
    }

    /** Why a record could not be made: a primitive field without a value. */
    public IOException missing(String what, String field) {
        return new IOException(source + ": " + what + " without \"" + field + "\"");
    }

    private void skipNumber() throws IOException {
        int start = at;
        if (at < bytes.length && bytes[at] == '-') {
            at++;
        }
        boolean valid = at < bytes.length && bytes[at] == '0' ? ++at > 0 : digits() > 0;
        if (valid && at < bytes.length && bytes[at] == '.') {
            at++;
            valid = digits() > 0;
        }
        if (valid && at < bytes.length && (bytes[at] == 'e' || bytes[at] == 'E')) {
            at++;
            if (at < bytes.length && (bytes[at] == '+' || bytes[at] == '-')) {
                at++;
            }
            valid = digits() > 0;
        }
        if (!valid) {
            at = start;
            throw malformed("a value");
        }
    }

    private int digits() {
        int start = at;
        while (at < bytes.length && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        return at - start;
    }

    private String quoted() throws IOException {
        int run = ++at;
        StringBuilder text = null; // made at the first escape: most strings have none
        while (true) {
            if (at >= bytes.length) {
                throw malformed("the string's closing quote");
            }
            byte b = bytes[at];
            if (b == '"') {
                String last = decode(run, at);
                at++;
                return text == null ? last : text.append(last).toString();
            }
            if (b >= 0 && b < 0x20) {
                throw malformed("a control character escaped");
            }
            if (b != '\\') {
                at++;
                continue;
            }
            if (text == null) {
                text = new StringBuilder();
            }
            text.append(decode(run, at));
            if (at + 1 >= bytes.length) {
                throw malformed("an escape");
            }
            byte escaped = bytes[at + 1];
            at += 2;
            switch (escaped) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append(hex4());
                default -> {
                    at -= 2;
                    throw malformed("an escape");
                }
            }
            run = at;
        }
    }

    private char hex4() throws IOException {
        if (at + 4 > bytes.length) {
            throw malformed("four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(bytes[at + i], 16);
            if (digit < 0) {
                throw malformed("four hex digits");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private String decode(int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, to - from))
                            .toString();
                } catch (CharacterCodingException e) {
                    throw new IOException(source + ": a string that is not UTF-8 near offset " + from, e);
                }
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private void literal(String word) throws IOException {
        skipSpace();
        for (int i = 0; i < word.length(); i++) {
            if (at + i >= bytes.length || bytes[at + i] != word.charAt(i)) {
                throw malformed(word);
            }
        }
        at += word.length();
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw malformed("'" + c + "'");
        }
        at++;
    }

    /** The next byte that is not white space (0 at the end), which stays unread. */
    private byte peek() {
        skipSpace();
        return at < bytes.length ? bytes[at] : 0;
    }

    private void skipSpace() {
        while (at < bytes.length && (bytes[at] == ' ' || bytes[at] == '\n' || bytes[at] == '\r' || bytes[at] == '\t')) {
            at++;
        }
    }

    private IOException malformed(String expected) {
        String found = at >= bytes.length ? "the end" : "'" + (char) (bytes[at] & 0xff) + "'";
        return new IOException(source + ": expected " + expected + " at offset " + at + ", found " + found);
    }
}
