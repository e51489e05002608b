package dev.vaina.image.naming;

import java.util.List;
import java.util.Objects;

/**
 * One fully qualified name a user's input may mean, with the endpoints to try for it in order (mirrors
 * first, then the primary location). {@code name} is what the image is stored under, whichever endpoint
 * served it.
 */
public record PullCandidate(ParsedReference name, List<PullEndpoint> endpoints) {
    public PullCandidate {
        Objects.requireNonNull(name, "name");
        endpoints = List.copyOf(endpoints);
        if (name.isShortName() || (name.tag() == null && name.digest() == null)) {
            throw new IllegalArgumentException("a candidate needs a fully qualified, tagged or digested name: " + name);
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one endpoint: " + name);
        }
    }

    /** The line Podman prints before trying a candidate. */
    public String tryingMessage() {
        return "Trying to pull " + name + "...";
    }
}
