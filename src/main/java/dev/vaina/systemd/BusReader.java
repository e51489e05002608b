package dev.vaina.systemd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmarshals D-Bus's wire format, in either byte order, from a whole message. Java values by type code: y b
 * n q i Integer/Boolean, u x t Long (u unsigned), d Double, s o g String, v the value it holds, ay byte[],
 * other arrays a List, dicts a Map in wire order, structs a List. A value that runs past its message's end
 * or breaks the format is a {@link BusError}, never an exception of another kind.
 */
final class BusReader {
    private final byte[] bytes;
    private final boolean bigEndian;
    private final int limit;
    private int position;

    BusReader(byte[] bytes, int position, int limit, boolean bigEndian) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
        this.bigEndian = bigEndian;
    }

    int position() {
        return position;
    }

    /** Reads one value per complete type of the signature. */
    List<Object> readAll(String signature) throws BusError {
        List<Object> values = new ArrayList<>();
        int at = 0;
        while (at < signature.length()) {
            int end = BusSignature.end(signature, at); // checks the type is whole before it is read
            values.add(read(signature, at));
            at = end;
        }
        return values;
    }

    /** Reads one value of the complete type that starts at {@code start}. */
    Object read(String signature, int start) throws BusError {
        char code = signature.charAt(start);
        switch (code) {
            case 'y':
                need(1);
                return bytes[position++] & 0xff;
            case 'b':
                return int32() != 0;
            case 'n':
                return (int) (short) int16();
            case 'q':
                return int16();
            case 'i':
            case 'h':
                return int32();
            case 'u':
                return Integer.toUnsignedLong(int32());
            case 'x':
            case 't':
                return int64();
            case 'd':
                return Double.longBitsToDouble(int64());
            case 's':
            case 'o':
                return text(int32());
            case 'g':
                need(1);
                return text(bytes[position++] & 0xff);
            case 'v': {
                String inner = (String) read("g", 0);
                if (inner.isEmpty() || BusSignature.end(inner, 0) != inner.length()) {
                    throw BusError.protocol("a variant of signature \"" + inner + "\"");
                }
                return read(inner, 0);
            }
            case 'a':
                return array(signature, start + 1);
            case '(': {
                align(8);
                List<Object> fields = new ArrayList<>();
                int at = start + 1;
                while (signature.charAt(at) != ')') {
                    fields.add(read(signature, at));
                    at = BusSignature.end(signature, at);
                }
                return fields;
            }
            default:
                throw BusError.protocol("cannot read type '" + code + "' of \"" + signature + "\"");
        }
    }

    private Object array(String signature, int element) throws BusError {
        int length = int32();
        align(BusSignature.alignment(signature.charAt(element)));
        if (length < 0 || length > limit - position) {
            throw BusError.protocol("an array of " + Integer.toUnsignedLong(length) + " bytes runs past the message");
        }
        int end = position + length;
        if (signature.charAt(element) == 'y') {
            position = end;
            return Arrays.copyOfRange(bytes, end - length, end);
        }
        if (signature.charAt(element) == '{') {
            int valueType = BusSignature.end(signature, element + 1);
            Map<Object, Object> entries = new LinkedHashMap<>();
            while (position < end) {
                align(8);
                Object key = read(signature, element + 1);
                entries.put(key, read(signature, valueType));
            }
            return entries;
        }
        List<Object> items = new ArrayList<>();
        while (position < end) {
            items.add(read(signature, element));
        }
        return items;
    }

    private String text(int length) throws BusError {
        if (length < 0) {
            throw BusError.protocol("a string of " + Integer.toUnsignedLong(length) + " bytes");
        }
        need(length + 1L);
        String text = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length + 1;
        return text;
    }

    void align(int boundary) throws BusError {
        int padded = (position + boundary - 1) / boundary * boundary;
        need(padded - position);
        position = padded;
    }

    private int int16() throws BusError {
        return (int) bits(2);
    }

    int int32() throws BusError {
        return (int) bits(4);
    }

    private long int64() throws BusError {
        return bits(8);
    }

    /** The next size bytes, aligned to their size, in the message's byte order. */
    private long bits(int size) throws BusError {
        align(size);
        need(size);
        long value = 0;
        for (int i = 0; i < size; i++) {
            long b = bytes[position++] & 0xff;
            value = bigEndian ? value << 8 | b : value | b << (8 * i);
        }
        return value;
    }

    private void need(long count) throws BusError {
        if (position + count > limit) {
            throw BusError.protocol("a value runs past the end of its message");
        }
    }
}
