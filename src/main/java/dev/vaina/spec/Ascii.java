package dev.vaina.spec;

/**
 * ASCII character classes, for the names checked on a command's way (image references, container and unit
 * names), written by hand where a regular expression would be compiled by every command that meets one.
 */
public final class Ascii {
    private Ascii() {
    }

    public static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    public static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    public static boolean isLetter(char c) {
        return isLower(c) || isUpper(c);
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c);
    }

    /** One digit or more, and nothing else. */
    public static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the characters of {@code text} from {@code from} to {@code to} are letters, digits or in {@code others}. */
    public static boolean lettersDigitsOr(String text, int from, int to, String others) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c) && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
