package dev.vaina.image;

import dev.vaina.image.registry.BlobDigest;
import dev.vaina.image.registry.Sha256;
import dev.vaina.spec.ReferenceSyntax;
import java.security.MessageDigest;
import java.util.HexFormat;

/** sha256 helpers: the only digest algorithm vaina stores under (ids and diff ids are its hex form). */
final class Digests {
    private Digests() {
    }

    static MessageDigest sha256() {
        return BlobDigest.sha256();
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(Sha256.digest(data));
    }

    /** Exactly 64 lower-case hex digits (read without a regex: every listing checks each image's folder name). */
    static boolean isHex64(String text) {
        return text != null && ReferenceSyntax.isLowerHex(text, 64);
    }

    static String requireHex(String text, String what) {
        if (!isHex64(text)) {
            throw new IllegalArgumentException(what + " must be 64 lowercase hex digits (a sha256), got \"" + text + "\"");
        }
        return text;
    }
}
