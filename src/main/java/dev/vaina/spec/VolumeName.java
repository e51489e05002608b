package dev.vaina.spec;

/** A volume's name: Podman's alphabet, so a name moves between the two engines. */
public record VolumeName(String value) {
    public VolumeName {
        if (!isValid(value)) {
            throw new InvalidSpecException("running volume create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
        }
    }

    /**
     * Whether {@code text} is a valid name, without the exception: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}, checked by
     * hand (a regular expression is compiled at each command that reads a name, `-v NAME:/path` among them).
     */
    public static boolean isValid(String text) {
        return text != null && !text.isEmpty() && Ascii.isLetterOrDigit(text.charAt(0))
                && Ascii.lettersDigitsOr(text, 1, text.length(), "_.-");
    }
}
