package dev.vaina.image.registry;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an OCI image layout (image-spec image-layout.md) by hand: blobs, configs, manifests, indexes and the
 * index.json that names them by tag, so that skopeo can copy them into a registry.
 */
public final class OciLayoutWriter {
    public static final String CREATED = "2026-01-02T03:04:05Z";

    private final Path dir;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    /** One image as written: its manifest, config and layers (gzip blobs) and the config's diff_ids. */
    public record Image(Descriptor manifest, Descriptor config, byte[] configBytes, List<Descriptor> layers,
            List<String> diffIds, List<byte[]> layerBlobs) {
    }

    public OciLayoutWriter(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    public Path dir() {
        return dir;
    }

    public Descriptor blob(byte[] data, String mediaType) throws IOException {
        String digest = BlobDigest.of(data);
        Files.write(dir.resolve("blobs/sha256").resolve(digest.substring(7)), data);
        return new Descriptor(mediaType, digest, data.length, null);
    }

    /** An image of gzip layers made from {@code tars}, with the true diff_ids. */
    public Image image(String architecture, List<byte[]> tars) throws IOException {
        List<String> diffIds = new ArrayList<>();
        for (byte[] tar : tars) {
            diffIds.add(BlobDigest.of(tar));
        }
        return image(architecture, tars, diffIds);
    }

    /** An image whose config claims {@code diffIds} (which may lie, for tests of the check). */
    public Image image(String architecture, List<byte[]> tars, List<String> diffIds) throws IOException {
        List<Descriptor> layers = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        for (byte[] tar : tars) {
            byte[] gz = gzip(tar);
            blobs.add(gz);
            layers.add(blob(gz, MediaTypes.OCI_LAYER_GZIP));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("created", CREATED);
        config.put("architecture", architecture);
        config.put("os", "linux");
        config.put("config", Map.of("Env", List.of("PATH=/bin", "GREETING=hello from " + architecture),
                "Cmd", List.of("sh", "-c", "cat /etc/hello.txt"), "WorkingDir", "/tmp"));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        byte[] configBytes = JSON.std.asBytes(config);
        Descriptor configDescriptor = blob(configBytes, MediaTypes.OCI_CONFIG);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.put("config", json(configDescriptor));
        List<Object> layerJson = new ArrayList<>();
        layers.forEach(l -> layerJson.add(json(l)));
        manifest.put("layers", layerJson);
        Descriptor manifestDescriptor = blob(JSON.std.asBytes(manifest), MediaTypes.OCI_MANIFEST);
        return new Image(manifestDescriptor, configDescriptor, configBytes, layers, diffIds, blobs);
    }

    /** An image index with one entry per image, each for {@code linux/<architecture of the image>}. */
    public Descriptor index(List<Image> images, List<Platform> platforms) throws IOException {
        List<Object> manifests = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Map<String, Object> entry = json(images.get(i).manifest());
            Platform p = platforms.get(i);
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", p.architecture());
            platform.put("os", p.os());
            if (p.variant() != null) {
                platform.put("variant", p.variant());
            }
            entry.put("platform", platform);
            manifests.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", manifests);
        return blob(JSON.std.asBytes(index), MediaTypes.OCI_INDEX);
    }

    /** Names {@code manifest} (an image manifest or an index) {@code tag} in index.json. */
    public void tag(String tag, Descriptor manifest) throws IOException {
        Map<String, Object> entry = json(manifest);
        entry.put("annotations", Map.of("org.opencontainers.image.ref.name", tag));
        entries.add(entry);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("manifests", entries);
        Files.write(dir.resolve("index.json"), JSON.std.asBytes(index));
    }

    static Map<String, Object> json(Descriptor descriptor) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mediaType", descriptor.mediaType());
        map.put("digest", descriptor.digest());
        map.put("size", descriptor.size());
        return map;
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
