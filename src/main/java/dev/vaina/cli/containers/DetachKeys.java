package dev.vaina.cli.containers;

import dev.vaina.spec.InvalidSpecException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * --detach-keys: the bytes that, typed on an attached standard input, detach from the container and leave it
 * running. Podman's notation: comma-separated keys, each one character or ctrl-X (X one of a-z, @, [, \, ], ^,
 * _); the empty string turns detaching off.
 */
record DetachKeys(byte[] sequence) {
    static final String DEFAULT = "ctrl-p,ctrl-q";
    static final String SPECIALS = "@[\\]^_";

    static DetachKeys parse(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!text.isEmpty()) {
            for (String key : text.split(",", -1)) {
                bytes.write(code(key));
            }
        }
        return new DetachKeys(bytes.toByteArray());
    }

    private static int code(String key) {
        if (key.length() == 1) {
            return key.charAt(0);
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.length() == 6 && lower.startsWith("ctrl-")) {
            char c = lower.charAt(5);
            if (c >= 'a' && c <= 'z') {
                return c - 'a' + 1;
            }
            if (SPECIALS.indexOf(c) >= 0) {
                return c == '@' ? 0 : c - '[' + 27;
            }
        }
        throw new InvalidSpecException("invalid detach keys: Unknown character: '" + key + "'");
    }

    boolean disabled() {
        return sequence.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DetachKeys keys && Arrays.equals(sequence, keys.sequence);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sequence);
    }

    @Override
    public String toString() {
        return Arrays.toString(sequence);
    }
}
