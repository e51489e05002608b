package dev.vaina.image;

import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.Instants;
import dev.vaina.spec.json.JsonInput;
import dev.vaina.store.FileTrees;
import dev.vaina.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new image from a container's writable layer on top of its image (what {@code commit} makes): the layer
 * archived as overlay's changes (whiteouts become {@code .wh.} entries) and stored like any other layer, the
 * config the base image's with the given runtime config, labels and one more history entry.
 */
public final class ImageCommit {
    /**
     * @param config    the new image's runtime config (Cmd, Entrypoint, Env, ...)
     * @param labels    labels added to the base image's
     * @param author    the image's author, or null
     * @param comment   the history entry's comment
     * @param createdBy the history entry's created_by: what made the layer
     * @param reference the new image's name, or null for an untagged image
     */
    public record Request(ImageConfig config, Map<String, String> labels, String author, String comment,
            String createdBy, ImageReference reference) {
    }

    private ImageCommit() {
    }

    @SuppressWarnings("unchecked")
    /**
     * @param upper       the container's writable layer
     * @param mountPoints the paths the runtime made in it to mount over, left out while they are empty
     */
    public static ImageRecord create(ImageStore store, ImageRecord base, Path upper, Set<String> mountPoints,
            Request request) throws IOException {
        store.repair();
        Path scratch = ScratchDirectories.create(store.layout().tmp(), "commit");
        try {
            Path tar = scratch.resolve("layer.tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                new LayerArchiver(store.layout()).writeTar(upper, mountPoints, out);
            }
            try (InputStream in = Files.newInputStream(tar);
                 StagedLayer staged = new LayerExtractor(store.layout()).stage(in)) {
                String created = Instants.format(Instant.now());
                Map<String, Object> document = new LinkedHashMap<>(JsonInput.parseObject(store.configJson(base),
                        "the configuration of image " + base.id()));
                document.put("created", created);
                if (request.author() != null) {
                    document.put("author", request.author());
                }
                document.put("config", runtimeConfig(document.get("config"), request));
                Map<String, Object> rootfs = new LinkedHashMap<>((Map<String, Object>) document.getOrDefault("rootfs", Map.of()));
                List<Object> diffIds = new ArrayList<>((List<Object>) rootfs.getOrDefault("diff_ids", List.of()));
                diffIds.add("sha256:" + staged.diffIdHex());
                rootfs.put("type", "layers");
                rootfs.put("diff_ids", diffIds);
                document.put("rootfs", rootfs);
                List<Object> history = new ArrayList<>((List<Object>) document.getOrDefault("history", List.of()));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("created", created);
                entry.put("created_by", request.createdBy());
                if (request.author() != null) {
                    entry.put("author", request.author());
                }
                entry.put("comment", request.comment());
                history.add(entry);
                document.put("history", history);
                byte[] configJson = Json.compactBytes(document);
                List<String> layers = new ArrayList<>(base.layers());
                layers.add(staged.diffIdHex());
                ImageRecord record = new ImageRecord(Digests.sha256Hex(configJson),
                        request.reference() == null ? List.of() : List.of(request.reference().toString()), created,
                        base.size() + staged.size(), layers, request.config(), base.architecture(), base.os());
                store.commit(List.of(staged), List.of(new PendingImage(record, configJson)));
                return record;
            }
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
    }

    /** The base image's runtime config (keeping what vaina does not model, such as Labels) with the request's. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> runtimeConfig(Object baseConfig, Request request) {
        Map<String, Object> config = new LinkedHashMap<>(baseConfig instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        for (String key : List.of("User", "Env", "Entrypoint", "Cmd", "WorkingDir", "StopSignal", "ExposedPorts",
                "Volumes")) {
            config.remove(key);
        }
        config.putAll(OciImageConfiguration.runtimeConfig(request.config()));
        if (!request.labels().isEmpty()) {
            Map<String, Object> labels = new LinkedHashMap<>(config.get("Labels") instanceof Map<?, ?> old
                    ? (Map<String, Object>) old : Map.of());
            labels.putAll(request.labels());
            config.put("Labels", labels);
        }
        return config;
    }
}
