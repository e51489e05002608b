package dev.vaina.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * One D-Bus message: a method call, its reply or error, or a signal, with the header fields vaina reads or
 * writes (the D-Bus specification, "Message Format"). Absent fields are null; replySerial is 0 when absent.
 */
record BusMessage(int type, int flags, int serial, String path, String interfaceName, String member,
        String errorName, int replySerial, String destination, String sender, String signature, List<Object> body) {

    static final int METHOD_CALL = 1;
    static final int METHOD_RETURN = 2;
    static final int ERROR = 3;
    static final int SIGNAL = 4;

    /** Bytes before the header fields: endianness, type, flags, version, body length, serial, fields' length. */
    static final int FIXED_HEADER = 16;
    /** The specification's limit on a whole message. */
    static final int MAX_LENGTH = 128 << 20;

    private static final int PATH = 1;
    private static final int INTERFACE = 2;
    private static final int MEMBER = 3;
    private static final int ERROR_NAME = 4;
    private static final int REPLY_SERIAL = 5;
    private static final int DESTINATION = 6;
    private static final int SENDER = 7;
    private static final int SIGNATURE = 8;

    static BusMessage call(int serial, String destination, String path, String interfaceName, String member,
            String signature, List<?> args) {
        return new BusMessage(METHOD_CALL, 0, serial, path, interfaceName, member, null, 0, destination, null,
                signature, List.copyOf(args));
    }

    /** The whole message in little-endian wire format. */
    byte[] encode() throws BusError {
        byte[] bodyBytes = new BusWriter().write(signature, body).toByteArray();
        List<Object> fields = new ArrayList<>();
        addField(fields, PATH, "o", path);
        addField(fields, INTERFACE, "s", interfaceName);
        addField(fields, MEMBER, "s", member);
        addField(fields, ERROR_NAME, "s", errorName);
        if (replySerial != 0) {
            addField(fields, REPLY_SERIAL, "u", replySerial);
        }
        addField(fields, DESTINATION, "s", destination);
        if (!signature.isEmpty()) {
            addField(fields, SIGNATURE, "g", signature);
        }
        BusWriter message = new BusWriter().write("yyyyuua(yv)",
                List.of((int) 'l', type, flags, 1, bodyBytes.length, serial, fields));
        message.align(8);
        message.putAll(bodyBytes);
        return message.toByteArray();
    }

    private static void addField(List<Object> fields, int code, String type, Object value) {
        if (value != null) {
            fields.add(List.of(code, new Variant(type, value)));
        }
    }

    /** The length of the whole message whose first {@link #FIXED_HEADER} bytes these are. */
    static int length(byte[] fixedHeader) throws BusError {
        BusReader reader = new BusReader(fixedHeader, 4, FIXED_HEADER, bigEndian(fixedHeader));
        long bodyLength = Integer.toUnsignedLong(reader.int32());
        reader.int32(); // serial
        long fieldsLength = Integer.toUnsignedLong(reader.int32());
        long length = (FIXED_HEADER + fieldsLength + 7) / 8 * 8 + bodyLength;
        if (length > MAX_LENGTH) {
            throw BusError.protocol("a message of " + length + " bytes (at most " + MAX_LENGTH + " are allowed)");
        }
        return (int) length;
    }

    /** Reads a whole message, as {@link #length} measured it. */
    static BusMessage decode(byte[] bytes) throws BusError {
        boolean bigEndian = bigEndian(bytes);
        BusReader reader = new BusReader(bytes, 0, bytes.length, bigEndian);
        List<Object> fixed = reader.readAll("yyyyuu");
        String path = null;
        String interfaceName = null;
        String member = null;
        String errorName = null;
        int replySerial = 0;
        String destination = null;
        String sender = null;
        String signature = "";
        try {
            for (Object field : (List<?>) reader.read("a(yv)", 0)) {
                List<?> codeAndValue = (List<?>) field;
                Object value = codeAndValue.get(1);
                switch ((Integer) codeAndValue.get(0)) {
                    case PATH -> path = (String) value;
                    case INTERFACE -> interfaceName = (String) value;
                    case MEMBER -> member = (String) value;
                    case ERROR_NAME -> errorName = (String) value;
                    case REPLY_SERIAL -> replySerial = (int) (long) (Long) value;
                    case DESTINATION -> destination = (String) value;
                    case SENDER -> sender = (String) value;
                    case SIGNATURE -> signature = (String) value;
                    default -> {
                        // Fields this side does not use (UNIX_FDS and later additions) are skipped, as the
                        // specification asks.
                    }
                }
            }
        } catch (ClassCastException e) {
            throw BusError.protocol("a header field of the wrong type: " + e.getMessage());
        }
        reader.align(8);
        List<Object> body = reader.readAll(signature);
        if (reader.position() != bytes.length) {
            throw BusError.protocol("a body longer than its signature \"" + signature + "\" says");
        }
        return new BusMessage((Integer) fixed.get(1), (Integer) fixed.get(2), (int) (long) (Long) fixed.get(5), path,
                interfaceName, member, errorName, replySerial, destination, sender, signature, body);
    }

    private static boolean bigEndian(byte[] bytes) throws BusError {
        return switch (bytes[0]) {
            case 'l' -> false;
            case 'B' -> true;
            default -> throw BusError.protocol("a message of unknown byte order '" + (char) bytes[0] + "'");
        };
    }
}
