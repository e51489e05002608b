package dev.vaina.image.naming;

import java.util.Objects;

/**
 * One place to try for a candidate: the reference as that registry (or mirror) knows it, and whether TLS
 * may be skipped there (registries.conf's insecure: plain HTTP or unverified certificates).
 */
public record PullEndpoint(ParsedReference reference, boolean insecure, boolean mirror) {
    public PullEndpoint {
        Objects.requireNonNull(reference, "reference");
        if (reference.isShortName()) {
            throw new IllegalArgumentException("an endpoint needs a fully qualified reference: " + reference);
        }
    }

    /** host[:port] to connect to. */
    public String registryHost() {
        return reference.domain();
    }

    /** The repository path at that registry. */
    public String repository() {
        return reference.path();
    }
}
