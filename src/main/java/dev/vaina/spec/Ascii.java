package dev.vaina.spec;

/**
 * ASCII character classes, for the names checked on a command's way (image references, container and unit
 * names), and the fields of a line, written by hand where a regular expression would be compiled by every command
 * that meets one (a first one loads some 35 classes of java.util.regex).
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

    /**
     * The end of the number at {@code from}: digits, then a point and digits, or not (what {@code \d+(\.\d+)?}
     * matches there); -1 when no digit is there. A point not followed by a digit is left after the number.
     */
    public static int numberEnd(String text, int from) {
        int end = digitsEnd(text, from);
        if (end == from) {
            return -1;
        }
        if (end < text.length() && text.charAt(end) == '.') {
            int fraction = digitsEnd(text, end + 1);
            return fraction > end + 1 ? fraction : end;
        }
        return end;
    }

    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
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

    /**
     * Whether the characters of {@code text} from {@code from} to {@code to} are hexadecimal digits of either case or
     * in {@code others}.
     */
    public static boolean hexDigitsOr(String text, int from, int to, String others) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c) && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fields of {@code line} separated by runs of white space (space, tab, line feed, vertical tab, form feed,
     * carriage return), none before the first or after the last: {@code trim().split("\\s+")} without a regular
     * expression, and none at all for a blank line.
     */
    public static String[] fields(String line) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(line.substring(start, i));
            }
        }
        return fields.toArray(new String[0]);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
