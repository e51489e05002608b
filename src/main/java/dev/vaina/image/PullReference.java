package dev.vaina.image;

import dev.vaina.image.registry.BlobDigest;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;

/**
 * What to pull: a fully qualified repository and a tag, a digest, or both ({@code name:tag@sha256:...} pulls
 * the digest and tags it). {@link ImageReference} holds only tags, so this one carries the digest form.
 *
 * @param tag null when pulling by digest only
 * @param digest {@code sha256:...}, or null when pulling a tag
 */
public record PullReference(String registry, String repository, String tag, String digest) {
    public PullReference {
        if (tag == null && digest == null) {
            throw new InvalidSpecException("invalid reference format: " + registry + "/" + repository
                    + " needs a tag or a digest");
        }
        // validates registry, repository and tag the way every other image name is validated
        new ImageReference(registry, repository, tag == null ? "latest" : tag);
        if (digest != null) {
            try {
                BlobDigest.require(digest, "image reference " + registry + "/" + repository);
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException("invalid reference format: " + e.getMessage());
            }
        }
    }

    public static PullReference of(ImageReference reference) {
        return new PullReference(reference.registry(), reference.repository(), reference.tag(), null);
    }

    /**
     * Parses {@code NAME[:TAG][@DIGEST]}, qualifying a name without a registry with {@code defaultRegistry}.
     * A name with neither tag nor digest means {@code :latest}.
     */
    public static PullReference parse(String text, String defaultRegistry) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSpecException("invalid reference format: the image name is empty");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return of(ImageReference.parse(text, defaultRegistry));
        }
        String digest = text.substring(at + 1);
        String name = text.substring(0, at);
        int slash = name.lastIndexOf('/');
        boolean hasTag = name.lastIndexOf(':') > slash;
        ImageReference parsed = ImageReference.parse(name, defaultRegistry);
        return new PullReference(parsed.registry(), parsed.repository(), hasTag ? parsed.tag() : null, digest);
    }

    /** What the manifest request asks for: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    /** registry/repository */
    public String name() {
        return registry + "/" + repository;
    }

    /** The tag the pulled image gets ({@code registry/repository:tag}), or null for a digest-only pull. */
    public String repoTag() {
        return tag == null ? null : name() + ":" + tag;
    }

    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
