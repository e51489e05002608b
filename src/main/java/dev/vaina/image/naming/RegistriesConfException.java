package dev.vaina.image.naming;

/** A registries.conf that cannot be used; the message names the file and, where it can, the key and line. */
public final class RegistriesConfException extends RuntimeException {
    public RegistriesConfException(String message) {
        super(message);
    }

    public RegistriesConfException(String message, Throwable cause) {
        super(message, cause);
    }
}
