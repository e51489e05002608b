package dev.vaina.systemd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Marshals values into D-Bus's little-endian wire format. Offsets count from the first byte written, which
 * must be a message's first byte or its body's (the body starts on an 8-byte boundary, so alignments agree).
 * Java values by type code: y Number, b Boolean, n q i u Number, x t Number, d Number, s o g String, v
 * {@link Variant}, ay byte[] or a Collection, other arrays a Collection, dicts a Map, structs a List.
 */
final class BusWriter {
    private byte[] bytes = new byte[256];
    private int size;

    /** Writes each value as the next complete type of the signature. */
    BusWriter write(String signature, List<?> values) throws BusError {
        int at = 0;
        for (Object value : values) {
            if (at >= signature.length()) {
                throw BusError.protocol("more values than the signature \"" + signature + "\" has types");
            }
            at = write(signature, at, value);
        }
        if (at != signature.length()) {
            throw BusError.protocol("fewer values than the signature \"" + signature + "\" has types");
        }
        return this;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void align(int boundary) {
        while (size % boundary != 0) {
            put((byte) 0);
        }
    }

    /** Writes one value of the complete type at {@code start}; returns the index just past that type. */
    private int write(String signature, int start, Object value) throws BusError {
        char code = signature.charAt(start);
        try {
            switch (code) {
                case 'y' -> put(((Number) value).byteValue());
                case 'b' -> putInt32(((Boolean) value) ? 1 : 0);
                case 'n', 'q' -> putInt16(((Number) value).intValue());
                case 'i', 'u', 'h' -> putInt32(((Number) value).intValue());
                case 'x', 't' -> putInt64(((Number) value).longValue());
                case 'd' -> putInt64(Double.doubleToLongBits(((Number) value).doubleValue()));
                case 's', 'o' -> putString((String) value);
                case 'g' -> putSignature((String) value);
                case 'v' -> {
                    Variant variant = (Variant) value;
                    putSignature(variant.signature());
                    if (BusSignature.end(variant.signature(), 0) != variant.signature().length()) {
                        throw BusError.protocol("a variant holds one complete type, not \"" + variant.signature() + "\"");
                    }
                    write(variant.signature(), 0, variant.value());
                }
                case 'a' -> {
                    return writeArray(signature, start, value);
                }
                case '(' -> {
                    align(8);
                    List<?> fields = (List<?>) value;
                    int at = start + 1;
                    int field = 0;
                    while (signature.charAt(at) != ')') {
                        at = write(signature, at, fields.get(field++));
                    }
                    if (field != fields.size()) {
                        throw BusError.protocol("a struct of " + fields.size() + " values for \""
                                + signature.substring(start, at + 1) + "\"");
                    }
                    return at + 1;
                }
                default -> throw BusError.protocol("cannot write type '" + code + "' of \"" + signature + "\"");
            }
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw BusError.protocol("cannot write " + value + " as type '" + code + "' of \"" + signature + "\": " + e);
        }
        return start + 1;
    }

    private int writeArray(String signature, int start, Object value) throws BusError {
        int element = start + 1;
        int end = BusSignature.end(signature, element);
        putInt32(0);
        int lengthAt = size - 4;
        align(BusSignature.alignment(signature.charAt(element)));
        int first = size;
        if (value instanceof byte[] raw && signature.charAt(element) == 'y') {
            putAll(raw);
        } else if (signature.charAt(element) == '{') {
            int key = element + 1;
            int valueType = BusSignature.end(signature, key);
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                align(8);
                write(signature, key, entry.getKey());
                write(signature, valueType, entry.getValue());
            }
        } else {
            for (Object item : (Collection<?>) value) {
                write(signature, element, item);
            }
        }
        int length = size - first;
        bytes[lengthAt] = (byte) length;
        bytes[lengthAt + 1] = (byte) (length >>> 8);
        bytes[lengthAt + 2] = (byte) (length >>> 16);
        bytes[lengthAt + 3] = (byte) (length >>> 24);
        return end;
    }

    private void putString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        putInt32(utf8.length);
        for (byte b : utf8) {
            put(b);
        }
        put((byte) 0);
    }

    private void putSignature(String signature) throws BusError {
        if (signature.length() > 255) {
            throw BusError.protocol("a signature is at most 255 bytes long");
        }
        put((byte) signature.length());
        for (int i = 0; i < signature.length(); i++) {
            put((byte) signature.charAt(i));
        }
        put((byte) 0);
    }

    private void putInt16(int value) {
        align(2);
        put((byte) value);
        put((byte) (value >>> 8));
    }

    private void putInt32(int value) {
        align(4);
        put((byte) value);
        put((byte) (value >>> 8));
        put((byte) (value >>> 16));
        put((byte) (value >>> 24));
    }

    private void putInt64(long value) {
        align(8);
        for (int shift = 0; shift < 64; shift += 8) {
            put((byte) (value >>> shift));
        }
    }

    private void put(byte b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = b;
    }

    /** Appends bytes written elsewhere (a message's body after its header). */
    void putAll(byte[] more) {
        if (size + more.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + more.length));
        }
        System.arraycopy(more, 0, bytes, size, more.length);
        size += more.length;
    }
}
