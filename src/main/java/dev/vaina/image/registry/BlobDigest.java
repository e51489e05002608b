package dev.vaina.image.registry;

import dev.vaina.spec.ReferenceSyntax;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests as registries write them: {@code sha256:} and 64 lowercase hex digits, nothing else. */
public final class BlobDigest {
    private BlobDigest() {
    }

    /** Returns {@code digest} when it is a valid sha256 digest; otherwise fails saying why. */
    public static String require(String digest, String what) {
        if (digest != null && ReferenceSyntax.isSha256Digest(digest)) {
            return digest;
        }
        if (digest != null && ReferenceSyntax.isAnyDigest(digest)) {
            throw new IllegalArgumentException(what + " has digest " + digest + ": only sha256 digests are supported");
        }
        throw new IllegalArgumentException(what + " has an invalid digest \"" + digest
                + "\" (expected sha256: and 64 lowercase hex digits)");
    }

    public static boolean isDigest(String reference) {
        return reference != null && reference.contains(":");
    }

    /** The hex part of a valid sha256 digest. */
    public static String hex(String digest) {
        return require(digest, "blob").substring("sha256:".length());
    }

    public static String of(byte[] data) {
        return "sha256:" + HexFormat.of().formatHex(Sha256.digest(data));
    }

    /** A SHA-256 digest for streams of megabytes (layers); a document in memory goes through {@link Sha256}. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
