package dev.vaina.image.registry;

/** The registry refused the credentials (or wants some and got none). */
public final class RegistryAuthenticationException extends RegistryException {
    public RegistryAuthenticationException(String message) {
        super(message, 401, null);
    }
}
