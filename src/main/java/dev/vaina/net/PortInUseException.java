package dev.vaina.net;

import java.io.IOException;

/** A host port that a container publishes is taken: the container cannot be started (Podman's exit 126). */
public final class PortInUseException extends IOException {
    public PortInUseException(String message) {
        super(message);
    }
}
