package dev.vaina.it.registry;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an OCI image layout (oci-layout, index.json, blobs/sha256/...) that skopeo can copy from:
 * one image, or an image index of several platforms, under one tag.
 */
final class OciLayout {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    /** One platform's image: its architecture and layers, and the command it runs by default. */
    record Image(String os, String architecture, List<TestLayer> layers, List<String> cmd) {
        Image {
            layers = List.copyOf(layers);
            cmd = List.copyOf(cmd);
        }
    }

    private final Path dir;

    OciLayout(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code image} under {@code tag}; answers the manifest's digest. */
    String writeImage(String tag, Image image) {
        Map<String, Object> descriptor = writeManifest(image);
        writeIndexJson(tag, descriptor);
        return (String) descriptor.get("digest");
    }

    /** Writes an image index of {@code images} under {@code tag}; answers the index's digest. */
    String writeIndex(String tag, List<Image> images) {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Image image : images) {
            Map<String, Object> descriptor = writeManifest(image);
            descriptor.put("platform", Map.of("os", image.os(), "architecture", image.architecture()));
            manifests.add(descriptor);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX);
        index.put("manifests", manifests);
        Map<String, Object> descriptor = writeBlob(INDEX, json(index));
        writeIndexJson(tag, descriptor);
        return (String) descriptor.get("digest");
    }

    private Map<String, Object> writeManifest(Image image) {
        List<String> diffIds = new ArrayList<>();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (TestLayer layer : image.layers()) {
            diffIds.add(layer.diffId());
            layers.add(writeBlob(LAYER, layer.compressed()));
        }
        Map<String, Object> containerConfig = new LinkedHashMap<>();
        containerConfig.put("Env", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        containerConfig.put("Cmd", image.cmd());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("created", "2024-01-01T00:00:00Z");
        config.put("architecture", image.architecture());
        config.put("os", image.os());
        config.put("config", containerConfig);
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 0; i < image.layers().size(); i++) {
            history.add(Map.of("created", "2024-01-01T00:00:00Z", "created_by", "vaina test layer " + (i + 1)));
        }
        config.put("history", history);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST);
        manifest.put("config", writeBlob(CONFIG, json(config)));
        manifest.put("layers", layers);
        return writeBlob(MANIFEST, json(manifest));
    }

    private Map<String, Object> writeBlob(String mediaType, byte[] bytes) {
        String digest = TestLayer.sha256(bytes);
        try {
            Path blob = dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
            Files.createDirectories(blob.getParent());
            if (!Files.exists(blob)) {
                Files.write(blob, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a blob into the OCI layout " + dir, e);
        }
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest);
        descriptor.put("size", bytes.length);
        return descriptor;
    }

    private void writeIndexJson(String tag, Map<String, Object> descriptor) {
        Map<String, Object> tagged = new LinkedHashMap<>(descriptor);
        tagged.put("annotations", Map.of("org.opencontainers.image.ref.name", tag));
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("manifests", List.of(tagged));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            Files.write(dir.resolve("index.json"), json(index));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the OCI layout " + dir, e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.std.asBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
