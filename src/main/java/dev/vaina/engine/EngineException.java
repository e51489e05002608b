package dev.vaina.engine;

/**
 * A container or pod operation that could not be done; the message is for the user. The command line
 * maps these to Podman's exit codes (125 unless a subclass says otherwise).
 */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
