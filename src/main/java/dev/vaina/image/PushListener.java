package dev.vaina.image;

/** What a push reports while it works, for the CLI to render. Calls come from the pushing thread. */
public interface PushListener {
    PushListener NONE = new PushListener() {
    };

    /** Before the first blob. */
    default void started(String destination) {
    }

    /**
     * A layer is in the registry: uploaded now, or found there already.
     *
     * @param diffIdHex the layer's uncompressed digest (as archived), which names it locally
     */
    default void layerDone(String diffIdHex, boolean alreadyPresent) {
    }

    /** @param digest {@code sha256:...} of the config as pushed */
    default void configDone(String digest, boolean alreadyPresent) {
    }

    default void manifestWritten(String digest) {
    }
}
