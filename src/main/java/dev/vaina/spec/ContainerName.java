package dev.vaina.spec;

import java.util.regex.Pattern;

/** A container (or pod) name as Podman accepts it. */
public record ContainerName(String value) {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public ContainerName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidSpecException("invalid container name \"" + value
                    + "\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
