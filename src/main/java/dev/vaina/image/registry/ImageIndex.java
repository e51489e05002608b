package dev.vaina.image.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An OCI image index or Docker manifest list: one manifest per platform. */
public record ImageIndex(String digest, List<Descriptor> manifests) {
    public ImageIndex {
        manifests = List.copyOf(manifests);
    }

    static ImageIndex parse(byte[] bytes, String digest) throws IOException {
        Object entries = Manifest.parse(bytes).get("manifests");
        if (!(entries instanceof List)) {
            throw new IOException("image index " + digest + " has no \"manifests\" list");
        }
        List<Descriptor> manifests = new ArrayList<>();
        int i = 0;
        for (Object entry : (List<?>) entries) {
            try {
                manifests.add(Descriptor.fromJson(entry, "manifests[" + i++ + "]"));
            } catch (IllegalArgumentException e) {
                throw new IOException("image index " + digest + ": " + e.getMessage(), e);
            }
        }
        return new ImageIndex(digest, manifests);
    }

    /**
     * The image manifest for {@code platform}: the first entry with the same os and architecture (and variant
     * when the request names one).
     *
     * @throws IOException naming the platforms the index has when none fits
     */
    public Descriptor choose(Platform platform) throws IOException {
        for (Descriptor entry : manifests) {
            if (entry.platform() != null && platform.accepts(entry.platform())
                    && MediaTypes.isImageManifest(entry.mediaType())) {
                return entry;
            }
        }
        String available = manifests.stream().filter(d -> d.platform() != null).map(d -> d.platform().toString())
                .collect(Collectors.joining(", "));
        throw new IOException("no image found in image index for architecture " + platform.architecture()
                + (platform.variant() == null ? "" : ", variant \"" + platform.variant() + "\"") + ", OS " + platform.os()
                + " (the index has: " + (available.isEmpty() ? "no platforms" : available) + ")");
    }
}
