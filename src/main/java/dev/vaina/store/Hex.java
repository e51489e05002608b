package dev.vaina.store;

import dev.vaina.spec.ReferenceSyntax;

/** The form of every id and digest vaina stores: lower-case hex digits. */
public final class Hex {
    private Hex() {
    }

    /** Whether every character of {@code text} is 0-9 or a-f (true for an empty text). */
    public static boolean isLowerCase(String text) {
        return ReferenceSyntax.isLowerHex(text, text.length());
    }
}
