package dev.vaina.oci;

/** A runtime configuration that cannot be produced; the message says what was tried and why it failed. */
public final class RuntimeSpecException extends RuntimeException {
    public RuntimeSpecException(String message) {
        super(message);
    }

    public RuntimeSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
