package dev.vaina.image;

import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves a user's NAME[:TAG], full id or id prefix to a local image, the way Podman does. */
final class ImageLookup {

    private ImageLookup() {
    }

    /**
     * @param newestFirst all images, newest first (ties in a name go to the newest)
     * @param search where a short name is looked for first
     */
    static Optional<ImageRecord> find(List<ImageRecord> newestFirst, String nameOrId, ShortNameSearch search)
            throws AmbiguousImageException {
        if (nameOrId == null || nameOrId.isEmpty()) {
            return Optional.empty();
        }
        String text = nameOrId;
        boolean idOnly = text.startsWith("sha256:");
        if (idOnly) {
            text = text.substring("sha256:".length());
        }
        if (Digests.isHex64(text)) {
            // a full id is never a name, as with Podman
            String id = text;
            return newestFirst.stream().filter(image -> image.id().equals(id)).findFirst();
        }
        int at = text.indexOf("@sha256:");
        if (!idOnly && at > 0) {
            return byDigest(newestFirst, text.substring(0, at), text.substring(at + 1));
        }
        Optional<ImageReference> ref = idOnly ? Optional.empty() : reference(text);
        if (ref.isPresent()) {
            Optional<ImageRecord> named = hasRegistry(text) ? byTag(newestFirst, ref.get().toString())
                    : bySearchOrder(newestFirst, text, search);
            if (named.isPresent() || hasRegistry(text)) {
                return named;
            }
        }
        // Podman tries an id prefix after the search order and before the other registries' names.
        if (!text.isEmpty() && Hex.isLowerCase(text)) {
            List<ImageRecord> matches = new ArrayList<>();
            for (ImageRecord image : newestFirst) {
                if (image.id().startsWith(text)) {
                    matches.add(image);
                }
            }
            if (matches.size() > 1) {
                throw new AmbiguousImageException(nameOrId, matches.stream().map(ImageRecord::shortId).toList());
            }
            if (!matches.isEmpty()) {
                return Optional.of(matches.get(0));
            }
        }
        return ref.isPresent() ? anyRegistry(newestFirst, ref.get()) : Optional.empty();
    }

    /** NAME[:TAG]@sha256:...: the image a pull recorded that manifest digest for (the tag does not matter). */
    private static Optional<ImageRecord> byDigest(List<ImageRecord> images, String name, String digest) {
        String repository;
        try {
            ImageReference ref = ImageReference.parse(name, ImageReference.LOCAL_REGISTRY);
            repository = ref.name();
        } catch (InvalidSpecException e) {
            return Optional.empty();
        }
        String wanted = repository + "@" + digest;
        boolean shortName = !hasRegistry(name);
        for (ImageRecord image : images) {
            for (String repoDigest : image.repoDigests()) {
                if (repoDigest.equals(wanted) || shortName && repoDigest.endsWith("/" + name.replaceFirst(":[^/]*$", "")
                        + "@" + digest)) {
                    return Optional.of(image);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ImageReference> reference(String text) {
        try {
            return Optional.of(ImageReference.parse(text, ImageReference.LOCAL_REGISTRY));
        } catch (InvalidSpecException e) {
            return Optional.empty(); // not a valid name (an id prefix with upper case, say): nothing matches it
        }
    }

    private static Optional<ImageRecord> byTag(List<ImageRecord> images, String qualified) {
        for (ImageRecord image : images) {
            if (image.repoTags().contains(qualified)) {
                return Optional.of(image);
            }
        }
        return Optional.empty();
    }

    private static Optional<ImageRecord> bySearchOrder(List<ImageRecord> images, String shortName,
            ShortNameSearch search) {
        for (String candidate : search.candidates(shortName)) {
            Optional<ImageRecord> found = byTag(images, candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * A short name that none of the search order's names matched: any registry's repository ending in /NAME
     * with the same tag, the first one winning and never an error, as with Podman. Podman takes the first in
     * its storage order; vaina keeps no storage order, so the oldest image wins, which is the same image when
     * the images were stored in the order they were built.
     */
    private static Optional<ImageRecord> anyRegistry(List<ImageRecord> newestFirst, ImageReference ref) {
        String suffix = "/" + ref.repository() + ":" + ref.tag();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            ImageRecord image = newestFirst.get(i);
            for (String tag : image.repoTags()) {
                if (tag.endsWith(suffix)) {
                    return Optional.of(image);
                }
            }
        }
        return Optional.empty();
    }

    /** Docker's rule: the first component names a registry when it has a '.' or ':' or is "localhost". */
    private static boolean hasRegistry(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String head = text.substring(0, slash);
        return head.contains(".") || head.contains(":") || head.equals("localhost");
    }
}
