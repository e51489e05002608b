package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the image verbs ask about an image: who uses it, which of its tags a name meant, its digests. */
public final class ImageUse {
    private ImageUse() {
    }

    /** The containers created from the image. */
    public static List<ContainerRecord> containers(Context context, ImageRecord image) throws IOException {
        List<ContainerRecord> users = new ArrayList<>();
        for (ContainerRecord record : context.containers().list()) {
            if (image.id().equals(record.imageId())) {
                users.add(record);
            }
        }
        return users;
    }

    /**
     * The tag of {@code image} that the user's {@code nameOrId} named, or null when it named the image by id.
     * Mirrors the store's lookup order: full id, then name (exact, then a short name's match), then id prefix.
     */
    static String tagNamed(ImageRecord image, String nameOrId) {
        String text = nameOrId.startsWith("sha256:") ? null : nameOrId;
        if (text == null || text.equals(image.id())) {
            return null;
        }
        ImageReference ref;
        try {
            ref = ImageReference.parse(text, ImageReference.LOCAL_REGISTRY);
        } catch (InvalidSpecException e) {
            return null;
        }
        if (image.repoTags().contains(ref.toString())) {
            return ref.toString();
        }
        String suffix = "/" + ref.repository() + ":" + ref.tag();
        return image.repoTags().stream().filter(tag -> tag.endsWith(suffix)).findFirst().orElse(null);
    }

    /** Podman's "NAME: image not known" with the exit code the verb wants (rmi: 1, others: 125). */
    static CommandFailedException notKnown(ImageNotFoundException e, int exitCode) {
        return new CommandFailedException(exitCode, e.getMessage());
    }

    /** NAME@sha256:... entries recorded by pulls. */
    static List<String> repoDigests(ImageRecord image) {
        return image.repoDigests();
    }

    /** The manifest digest ("sha256:...") of the first repo digest, or "" when none is known. */
    static String digest(ImageRecord image) {
        for (String repoDigest : repoDigests(image)) {
            int at = repoDigest.indexOf('@');
            if (at >= 0) {
                return repoDigest.substring(at + 1);
            }
        }
        return "";
    }
}
