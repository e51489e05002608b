package dev.vaina.image;

import java.io.IOException;
import java.util.List;

/** A short name or id prefix that matches more than one image. */
public final class AmbiguousImageException extends IOException {
    public AmbiguousImageException(String nameOrId, List<String> matches) {
        super(nameOrId + " is ambiguous: it matches " + String.join(", ", matches)
                + "; give a longer id or a fully qualified name");
    }
}
