package dev.vaina.image;

import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Resolves a user's NAME[:TAG], full id or id prefix to a local image, the way Podman does. */
final class ImageLookup {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private ImageLookup() {
    }

    /** @param newestFirst all images, newest first (ties in a name go to the newest) */
    static Optional<ImageRecord> find(List<ImageRecord> newestFirst, String nameOrId) throws AmbiguousImageException {
        if (nameOrId == null || nameOrId.isEmpty()) {
            return Optional.empty();
        }
        String text = nameOrId;
        boolean idOnly = text.startsWith("sha256:");
        if (idOnly) {
            text = text.substring("sha256:".length());
        }
        if (Digests.isHex64(text)) {
            for (ImageRecord image : newestFirst) {
                if (image.id().equals(text)) {
                    return Optional.of(image);
                }
            }
        }
        int at = text.indexOf("@sha256:");
        if (!idOnly && at > 0) {
            return byDigest(newestFirst, text.substring(0, at), text.substring(at + 1));
        }
        if (!idOnly) {
            Optional<ImageRecord> byName = byName(newestFirst, text);
            if (byName.isPresent()) {
                return byName;
            }
        }
        if (HEX.matcher(text).matches()) {
            List<ImageRecord> matches = new ArrayList<>();
            for (ImageRecord image : newestFirst) {
                if (image.id().startsWith(text)) {
                    matches.add(image);
                }
            }
            if (matches.size() > 1) {
                throw new AmbiguousImageException(nameOrId, matches.stream().map(ImageRecord::shortId).toList());
            }
            return matches.stream().findFirst();
        }
        return Optional.empty();
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

    private static Optional<ImageRecord> byName(List<ImageRecord> images, String text) throws AmbiguousImageException {
        ImageReference ref;
        try {
            ref = ImageReference.parse(text, ImageReference.LOCAL_REGISTRY);
        } catch (InvalidSpecException e) {
            return Optional.empty(); // not a valid name (an id prefix with upper case, say): nothing matches it
        }
        String wanted = ref.toString();
        for (ImageRecord image : images) {
            if (image.repoTags().contains(wanted)) {
                return Optional.of(image);
            }
        }
        if (hasRegistry(text)) {
            return Optional.empty();
        }
        // a short name: any registry's repository that is NAME or ends in /NAME, with the same tag
        String suffix = "/" + ref.repository() + ":" + ref.tag();
        List<ImageRecord> matches = new ArrayList<>();
        Set<String> matchedTags = new LinkedHashSet<>();
        for (ImageRecord image : images) {
            for (String tag : image.repoTags()) {
                if (tag.endsWith(suffix)) {
                    if (!matches.contains(image)) {
                        matches.add(image);
                    }
                    matchedTags.add(tag);
                }
            }
        }
        if (matches.size() > 1) {
            throw new AmbiguousImageException(text, new ArrayList<>(matchedTags));
        }
        return matches.stream().findFirst();
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
