package dev.vaina.store;

/** A name or id that matches no pod. */
public final class NoSuchPodException extends RuntimeException {
    public NoSuchPodException(String nameOrId) {
        super("no pod with name or ID " + nameOrId + " found: no such pod");
    }
}
