package dev.vaina.image;

import java.util.Objects;

/**
 * The result of a pull.
 *
 * @param manifestDigest the digest of the image manifest that was pulled (after choosing from an index)
 * @param alreadyPresent true when the store had the image and nothing but manifests was fetched
 */
public record PulledImage(ImageRecord image, String manifestDigest, boolean alreadyPresent) {
    public PulledImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
    }
}
