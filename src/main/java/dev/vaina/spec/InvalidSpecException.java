package dev.vaina.spec;

/** User input that does not fit what vaina accepts; the message says what is wrong and what is allowed. */
public final class InvalidSpecException extends IllegalArgumentException {
    public InvalidSpecException(String message) {
        super(message);
    }
}
