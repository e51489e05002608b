package dev.vaina.cli.common;

import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.InvalidSpecException;
import java.io.IOException;
import java.util.Optional;

/** `run --pull`: when the image is fetched from its registry rather than taken from local storage. */
public enum PullPolicy {
    MISSING, ALWAYS, NEVER, NEWER;

    public static PullPolicy parse(String text) {
        for (PullPolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw new InvalidSpecException("invalid pull policy \"" + text + "\": must be missing, always, never or newer");
    }

    /**
     * The image {@code name} names, from local storage or pulled by {@code fetcher}, as the policy says. (The
     * fetcher itself, not a function that pulls: a lambda, even one never called, sets the JVM's method-handle
     * machinery up for every create of a local image.)
     */
    public ImageRecord image(Context context, String name, ImageFetcher fetcher) throws IOException {
        Optional<ImageRecord> local = this == ALWAYS ? Optional.empty() : context.images().find(name);
        switch (this) {
            case NEVER:
                if (local.isEmpty()) {
                    throw new ImageNotFoundException(name);
                }
                return local.get();
            case NEWER:
                try {
                    return fetcher.pull(name);
                } catch (IOException e) {
                    // Podman keeps using the local image when the registry cannot be asked.
                    if (local.isPresent()) {
                        return local.get();
                    }
                    throw e;
                }
            default:
                return local.isPresent() ? local.get() : fetcher.pull(name);
        }
    }
}
