package dev.vaina.spec;

/** The names Podman accepts for containers, pods and networks. */
public final class Names {
    private Names() {
    }

    /** @param kind "container", "pod" or "network", for the message */
    public static String require(String kind, String name) {
        if (name == null || !isValid(name)) {
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

    /** [a-zA-Z0-9][a-zA-Z0-9_.-]*, checked by hand: no regular expression on the way to a container's start. */
    static boolean isValid(String name) {
        return !name.isEmpty() && Ascii.isLetterOrDigit(name.charAt(0))
                && Ascii.lettersDigitsOr(name, 1, name.length(), "_.-");
    }
}
