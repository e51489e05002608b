package dev.vaina.store;

/** A container name that another container already has. */
public final class NameInUseException extends RuntimeException {
    public NameInUseException(String name, String ownerId) {
        super("the container name \"" + name + "\" is already in use by " + ownerId
                + ". You have to remove that container to be able to reuse that name: that name is already in use");
    }
}
