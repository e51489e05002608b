package dev.vaina.image;

import java.io.IOException;

/** No local image matches a name or id; the message is Podman's ("NAME: image not known"). */
public final class ImageNotFoundException extends IOException {
    public ImageNotFoundException(String nameOrId) {
        super(nameOrId + ": image not known");
    }
}
