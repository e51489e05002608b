package dev.vaina.store;

/** A container, pod or volume name that another one of its kind already has. */
public final class NameInUseException extends RuntimeException {
    public NameInUseException(String name, String ownerId) {
        this("container", name, ownerId);
    }

    NameInUseException(String kind, String name, String ownerId) {
        super(kind.equals("pod")
                ? "adding pod to state: name \"" + name + "\" is in use: pod already exists"
                : kind.equals("volume") ? "volume with name " + name + " already exists: volume already exists"
                : "the container name \"" + name + "\" is already in use by " + ownerId
                        + ". You have to remove that container to be able to reuse that name: that name is already in use");
    }
}
