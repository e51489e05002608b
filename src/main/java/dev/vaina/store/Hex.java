package dev.vaina.store;

/** The form of every id and digest vaina stores: lower-case hex digits. */
public final class Hex {
    private Hex() {
    }

    /** Whether every character of {@code text} is 0-9 or a-f (true for an empty text). */
    public static boolean isLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
