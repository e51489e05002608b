package dev.vaina.store;

/** A name or id that matches no container, or no container at all where one was wanted. */
public final class NoSuchContainerException extends RuntimeException {
    public NoSuchContainerException(String nameOrId) {
        super("no container with name or ID \"" + nameOrId + "\" found: no such container");
    }

    /** {@code --latest} with no container. */
    public NoSuchContainerException() {
        super("no such container");
    }
}
