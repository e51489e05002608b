package dev.vaina.image;

import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.Instants;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * A local image, stored as {@code StoreLayout.image(id)/image.json} next to the OCI image configuration
 * ({@code config.json}) whose sha256 is the id.
 *
 * @param id sha256 hex of config.json's bytes
 * @param repoTags fully qualified names, e.g. {@code localhost/busybox:latest}; empty for a dangling image
 * @param created ISO-8601 instant
 * @param size bytes: the sum of the layers' uncompressed tar sizes
 * @param layers diff-id hexes, bottom layer first (the order of rootfs.diff_ids)
 * @param repoDigests {@code registry/repository@sha256:...} of the manifests it was pulled by; empty when imported
 */
public record ImageRecord(
        String id,
        List<String> repoTags,
        String created,
        long size,
        List<String> layers,
        ImageConfig config,
        String architecture,
        String os,
        List<String> repoDigests) {

    public ImageRecord {
        Digests.requireHex(id, "image id");
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        Objects.requireNonNull(created, "created");
        try {
            Instants.parse(created);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("image " + id + ": created \"" + created + "\" is not an ISO-8601 instant", e);
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
        for (String layer : layers) {
            Digests.requireHex(layer, "layer diff id of image " + id);
        }
        config = config == null ? ImageConfig.EMPTY : config;
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
    }

    /** An image without repository digests (imported, not pulled). */
    public ImageRecord(String id, List<String> repoTags, String created, long size, List<String> layers,
            ImageConfig config, String architecture, String os) {
        this(id, repoTags, created, size, layers, config, architecture, os, List.of());
    }

    /** The IMAGE ID column: the first 12 hex digits, as Podman and Docker print it. */
    public String shortId() {
        return id.substring(0, 12);
    }

    public Instant createdInstant() {
        return Instants.parse(created);
    }

    ImageRecord withRepoTags(List<String> tags) {
        return new ImageRecord(id, tags, created, size, layers, config, architecture, os, repoDigests);
    }
}
