package dev.vaina.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** sha256 helpers: the only digest algorithm vaina stores under (ids and diff ids are its hex form). */
final class Digests {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    static boolean isHex64(String text) {
        return text != null && HEX64.matcher(text).matches();
    }

    static String requireHex(String text, String what) {
        if (!isHex64(text)) {
            throw new IllegalArgumentException(what + " must be 64 lowercase hex digits (a sha256), got \"" + text + "\"");
        }
        return text;
    }
}
