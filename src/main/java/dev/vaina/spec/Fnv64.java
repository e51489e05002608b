package dev.vaina.spec;

/**
 * FNV-1a with 64 bits: a quick sum of a text, for the caches that are kept under what they were made from (the
 * registries configuration's, the converted seccomp filters). Not a cryptographic hash: nothing here guards
 * against a text made to collide.
 */
public final class Fnv64 {
    /** The sum of nothing, to {@link #add} to. */
    public static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fnv64() {
    }

    /** {@code sum} followed by the characters of {@code text}. */
    public static long add(long sum, CharSequence text) {
        long hash = sum;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= PRIME;
        }
        return hash;
    }

    /** The sum of {@code text} as 16 lower-case hexadecimal digits. */
    public static String hex(CharSequence text) {
        String hex = Long.toHexString(add(START, text));
        return "0".repeat(16 - hex.length()) + hex;
    }
}
