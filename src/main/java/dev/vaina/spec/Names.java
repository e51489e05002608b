package dev.vaina.spec;

import java.util.regex.Pattern;

/** The names Podman accepts for containers, pods and networks. */
public final class Names {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private Names() {
    }

    /** @param kind "container", "pod" or "network", for the message */
    public static String require(String kind, String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            if (kind.equals("network")) {
                throw new InvalidSpecException("network name " + name
                        + " invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
            }
            throw new InvalidSpecException(kind.equals("pod")
                    ? "running pod create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument"
                    : "invalid container name \"" + name + "\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
        return name;
    }
}
