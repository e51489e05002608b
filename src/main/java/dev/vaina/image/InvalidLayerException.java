package dev.vaina.image;

import java.io.IOException;

/** A layer tarball that vaina refuses to extract: unsafe paths, broken links, truncated or unknown data. */
public final class InvalidLayerException extends IOException {
    public InvalidLayerException(String message) {
        super(message);
    }

    public InvalidLayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
