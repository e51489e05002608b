package dev.vaina.image.registry;

/**
 * What a pull reports while it works, for the CLI to render. The layers' calls come from the threads that
 * download them, several at once, so an implementation must be thread-safe. Digests are "sha256:..." strings;
 * sizes are bytes as the registry sends them (compressed).
 */
public interface PullListener {
    PullListener NONE = new PullListener() {
    };

    /** The manifest for {@code reference} was found (after choosing from an index). */
    default void resolved(String reference, String manifestDigest) {
    }

    default void layerStarted(String digest, long size) {
    }

    /** A partial download of {@code digest} is continued from {@code offset} bytes instead of from zero. */
    default void layerResumed(String digest, long offset) {
    }

    /** {@code bytesSoFar} counts the whole blob, including resumed bytes. */
    default void layerProgress(String digest, long bytesSoFar) {
    }

    default void layerDone(String digest, boolean alreadyPresent) {
    }

    default void imageStored(String imageId) {
    }
}
