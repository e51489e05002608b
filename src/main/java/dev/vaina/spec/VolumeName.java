package dev.vaina.spec;

import java.util.regex.Pattern;

/** A volume's name: Podman's alphabet, so a name moves between the two engines. */
public record VolumeName(String value) {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public VolumeName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidSpecException("running volume create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
        }
    }

    /** Whether {@code text} is a valid name, without the exception. */
    public static boolean isValid(String text) {
        return text != null && VALID.matcher(text).matches();
    }
}
