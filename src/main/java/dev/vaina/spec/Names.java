package dev.vaina.spec;

import java.util.regex.Pattern;

/** The names Podman accepts for containers and pods. */
public final class Names {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private Names() {
    }

    /** @param kind "container" or "pod", for the message */
    public static String require(String kind, String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new InvalidSpecException(kind.equals("pod")
                    ? "running pod create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument"
                    : "invalid container name \"" + name + "\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
        return name;
    }
}
