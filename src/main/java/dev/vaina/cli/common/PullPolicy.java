package dev.vaina.cli.common;

import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.InvalidSpecException;
import java.io.IOException;
import java.util.Optional;

/** `run --pull`: when the image is fetched from its registry rather than taken from local storage. */
public enum PullPolicy {
    MISSING, ALWAYS, NEVER, NEWER;

    public interface Pull {
        ImageRecord pull() throws IOException;
    }

    public static PullPolicy parse(String text) {
        for (PullPolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw new InvalidSpecException("invalid pull policy \"" + text + "\": must be missing, always, never or newer");
    }

    public ImageRecord image(Context context, String name, Pull pull) throws IOException {
        Optional<ImageRecord> local = this == ALWAYS ? Optional.empty() : context.images().find(name);
        switch (this) {
            case NEVER:
                return local.orElseThrow(() -> new ImageNotFoundException(name));
            case NEWER:
                try {
                    return pull.pull();
                } catch (IOException e) {
                    // Podman keeps using the local image when the registry cannot be asked.
                    if (local.isPresent()) {
                        return local.get();
                    }
                    throw e;
                }
            default:
                return local.isPresent() ? local.get() : pull.pull();
        }
    }
}
