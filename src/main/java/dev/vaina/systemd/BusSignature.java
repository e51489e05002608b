package dev.vaina.systemd;

/**
 * D-Bus type signatures ("ss", "a(sv)", "a{sv}"): where one complete type ends and how its values are aligned
 * on the wire (the D-Bus specification, "Type System" and "Marshaling").
 */
final class BusSignature {
    private BusSignature() {
    }

    /**
     * The index just past the single complete type that starts at {@code start}.
     *
     * @throws BusError if the signature ends inside the type
     */
    static int end(String signature, int start) throws BusError {
        if (start >= signature.length()) {
            throw malformed(signature);
        }
        char code = signature.charAt(start);
        if (code == 'a') {
            return end(signature, start + 1);
        }
        if (code == '(' || code == '{') {
            char close = code == '(' ? ')' : '}';
            int i = start + 1;
            while (i < signature.length() && signature.charAt(i) != close) {
                i = end(signature, i);
            }
            if (i >= signature.length()) {
                throw malformed(signature);
            }
            return i + 1;
        }
        return start + 1;
    }

    /** The boundary, in bytes from the message's start, at which a value of this type code begins. */
    static int alignment(char code) {
        return switch (code) {
            case 'n', 'q' -> 2;
            case 'b', 'i', 'u', 's', 'o', 'a', 'h' -> 4;
            case 'x', 't', 'd', '(', '{' -> 8;
            default -> 1; // y, g, v
        };
    }

    private static BusError malformed(String signature) {
        return BusError.protocol("malformed type signature \"" + signature + "\"");
    }
}
