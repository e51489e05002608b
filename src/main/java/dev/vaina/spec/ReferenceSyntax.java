package dev.vaina.spec;

/**
 * The syntax of the names an image reference and a registry's answers are made of (the distribution project's
 * reference grammar, as Podman reads it), checked character by character: the regular expressions this replaces
 * cost a {@code pull} or a {@code run} by image name some 5 ms to compile, every time. ReferenceSyntaxTest holds
 * each method to its expression on every short string of the characters that matter.
 */
public final class ReferenceSyntax {
    private static final int TAG_MAX = 128;
    private static final int PORT_DIGITS_MAX = 5;

    private ReferenceSyntax() {
    }

    /**
     * A registry as references name it: dot-separated components of letters and digits, '-' inside them, and perhaps
     * a port: {@code (?:C)(?:\.C)*(?::[0-9]+)?}, C being {@code [a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]}.
     */
    public static boolean isDomain(String text) {
        int colon = text.indexOf(':');
        int end = colon < 0 ? text.length() : colon;
        if (colon >= 0 && !digits(text, colon + 1, text.length(), Integer.MAX_VALUE)) {
            return false;
        }
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            int componentEnd = dot < 0 || dot > end ? end : dot;
            if (!isDomainComponent(text, start, componentEnd)) {
                return false;
            }
            if (componentEnd == end) {
                return true;
            }
            start = componentEnd + 1;
        }
    }

    private static boolean isDomainComponent(String text, int from, int to) {
        if (from >= to || !Ascii.isLetterOrDigit(text.charAt(from)) || !Ascii.isLetterOrDigit(text.charAt(to - 1))) {
            return false;
        }
        return Ascii.lettersDigitsOr(text, from, to, "-");
    }

    /**
     * One component of a repository's path: runs of lower-case letters and digits joined by '.', '_', "__" or any
     * number of '-': {@code [a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*}.
     */
    public static boolean isPathComponent(String text) {
        int length = text.length();
        int i = 0;
        while (true) {
            int run = i;
            while (i < length && isLowerOrDigit(text.charAt(i))) {
                i++;
            }
            if (i == run) {
                return false; // empty, or a separator where a run must be
            }
            if (i == length) {
                return true;
            }
            char separator = text.charAt(i);
            if (separator == '.') {
                i++;
            } else if (separator == '_') {
                i += i + 1 < length && text.charAt(i + 1) == '_' ? 2 : 1;
            } else if (separator == '-') {
                while (i < length && text.charAt(i) == '-') {
                    i++;
                }
            } else {
                return false;
            }
        }
    }

    /** A tag: a letter, digit or '_', then up to 127 of those, '.' or '-': {@code [\w][\w.-]{0,127}}. */
    public static boolean isTag(String text) {
        int length = text.length();
        if (length == 0 || length > TAG_MAX || !isWordChar(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!isWordChar(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** A digest a reference may name: {@code sha256:} and 64 lower-case hex digits, or {@code sha512:} and 128. */
    public static boolean isDigest(String text) {
        return isSha256Digest(text) || text.startsWith("sha512:") && isLowerHex(text, 7, 128);
    }

    /** {@code sha256:[0-9a-f]{64}}. */
    public static boolean isSha256Digest(String text) {
        return text.startsWith("sha256:") && isLowerHex(text, 7, 64);
    }

    /**
     * Any algorithm's digest, as the OCI image specification spells one:
     * {@code [a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+}.
     */
    public static boolean isAnyDigest(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || !Ascii.lettersDigitsOr(text, colon + 1, text.length(), "=_-")) {
            return false;
        }
        boolean afterSeparator = true;
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (isLowerOrDigit(c)) {
                afterSeparator = false;
            } else if (!afterSeparator && (c == '.' || c == '+' || c == '_' || c == '-')) {
                afterSeparator = true;
            } else {
                return false;
            }
        }
        return !afterSeparator;
    }

    /** Exactly {@code count} lower-case hex digits. */
    public static boolean isLowerHex(String text, int count) {
        return isLowerHex(text, 0, count);
    }

    /**
     * A host and port a registry's address may hold: letters, digits, '.' and '-', or an IPv6 address in brackets,
     * then perhaps ':' and up to 5 digits: {@code [a-zA-Z0-9.-]+(?::[0-9]{1,5})?|\[[0-9a-fA-F:.]+\](?::[0-9]{1,5})?}.
     */
    public static boolean isHostAndPort(String text) {
        int hostEnd;
        if (text.startsWith("[")) {
            hostEnd = text.indexOf(']');
            if (hostEnd < 2 || !Ascii.hexDigitsOr(text, 1, hostEnd, ":.")) {
                return false;
            }
            hostEnd++;
        } else {
            hostEnd = text.indexOf(':');
            if (hostEnd < 0) {
                hostEnd = text.length();
            }
            if (hostEnd == 0 || !Ascii.lettersDigitsOr(text, 0, hostEnd, ".-")) {
                return false;
            }
        }
        if (hostEnd == text.length()) {
            return true;
        }
        return text.charAt(hostEnd) == ':' && digits(text, hostEnd + 1, text.length(), PORT_DIGITS_MAX);
    }

    private static boolean isLowerHex(String text, int from, int count) {
        if (text.length() != from + count) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Ascii.isDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** One digit or more, and at most {@code max}, from {@code from} to {@code to}. */
    private static boolean digits(String text, int from, int to, int max) {
        if (to <= from || to - from > max) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Ascii.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerOrDigit(char c) {
        return Ascii.isLower(c) || Ascii.isDigit(c);
    }

    private static boolean isWordChar(char c) {
        return Ascii.isLetterOrDigit(c) || c == '_';
    }
}
