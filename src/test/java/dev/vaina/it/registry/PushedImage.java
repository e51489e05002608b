package dev.vaina.it.registry;

import java.util.List;

/**
 * An image pushed to a {@link TestRegistry}: where it is and what it is made of.
 *
 * @param registry       "127.0.0.1:PORT"
 * @param name           the repository, e.g. "busybox" or "library/busybox"
 * @param tag            the tag
 * @param manifestDigest the digest of what the tag points at (an image index for multi-platform images)
 * @param layers         the layers of the image (of the amd64 image for a multi-platform one)
 */
public record PushedImage(String registry, String name, String tag, String manifestDigest, List<TestLayer> layers) {

    public PushedImage {
        layers = List.copyOf(layers);
        if (!manifestDigest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + manifestDigest);
        }
    }

    /** registry/name:tag */
    public String reference() {
        return registry + "/" + name + ":" + tag;
    }

    /** registry/name@sha256:... */
    public String digestReference() {
        return registry + "/" + name + "@" + manifestDigest;
    }

    /** registry/name, as {@code vaina images} shows it in the REPOSITORY column. */
    public String repository() {
        return registry + "/" + name;
    }

    /** The last layer: the one that makes this image different from plain busybox. */
    public TestLayer topLayer() {
        return layers.get(layers.size() - 1);
    }
}
