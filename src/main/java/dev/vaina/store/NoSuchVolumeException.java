package dev.vaina.store;

/** A name that matches no volume. */
public final class NoSuchVolumeException extends RuntimeException {
    public NoSuchVolumeException(String name) {
        super("no volume with name \"" + name + "\" found: no such volume");
    }
}
