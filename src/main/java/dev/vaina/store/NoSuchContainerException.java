package dev.vaina.store;

/** A name or id that matches no container. */
public final class NoSuchContainerException extends RuntimeException {
    public NoSuchContainerException(String nameOrId) {
        super("no container with name or ID \"" + nameOrId + "\" found: no such container");
    }
}
