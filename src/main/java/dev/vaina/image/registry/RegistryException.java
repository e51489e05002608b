package dev.vaina.image.registry;

import java.io.IOException;

/** A registry request failed; the message says what was tried and why it failed. */
public class RegistryException extends IOException {
    private final int status;

    public RegistryException(String message) {
        this(message, 0, null);
    }

    public RegistryException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status that caused this, or 0 when the request got no answer. */
    public int status() {
        return status;
    }
}
