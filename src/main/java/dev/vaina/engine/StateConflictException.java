package dev.vaina.engine;

/** A valid request refused because of the container's state, such as removing a running container without force. */
public final class StateConflictException extends EngineException {
    public StateConflictException(String message) {
        super(message);
    }
}
