package dev.vaina.image;

import dev.vaina.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes images as a docker-archive or oci-archive tar stream ({@code vaina save}). Layers are archived from
 * their extracted trees by {@link LayerArchiver}, uncompressed, twice each: once to learn the digest and
 * length a tar header needs up front, once into the output, so nothing is spooled to disk.
 *
 * <p>Image ids. vaina keeps extracted trees, not the original layer tars, so a layer's archive has its
 * original diff_id only when the original tar followed LayerArchiver's conventions (sorted entries, whole-second
 * mtimes, ...). When it does not, the saved config gets the new diff_ids (anything else would make the archive
 * fail digest checks in every loader) and therefore a new id: the saved image is the same file system and
 * config under another id. The alternative, keeping every layer's original tar next to its tree, would double
 * the store's size for the sake of save alone.
 */
public final class ArchiveWriter {
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final ImageStore store;
    private final LayerArchiver archiver;

    public ArchiveWriter(ImageStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.archiver = new LayerArchiver(store.layout());
    }

    /** One image to save and the names it carries in the archive (possibly none). */
    public record Saved(ImageRecord image, List<String> names) {
        public Saved {
            Objects.requireNonNull(image, "image");
            names = List.copyOf(names);
        }
    }

    /** Writes the archive to {@code out} (flushed, not closed). */
    public void write(List<Saved> images, ArchiveFormat format, OutputStream out) throws IOException {
        Map<String, LayerArchiver.LayerTar> layers = new LinkedHashMap<>();
        List<Prepared> prepared = new ArrayList<>();
        for (Saved saved : merge(images)) {
            prepared.add(prepare(saved, layers));
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosingOutputStream(out), StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        if (format == ArchiveFormat.DOCKER_ARCHIVE) {
            writeDocker(tar, prepared, layers);
        } else {
            writeOci(tar, prepared, layers);
        }
        tar.finish();
        tar.flush();
        out.flush();
    }

    /** The same image named twice is written once with both names. */
    private static List<Saved> merge(List<Saved> images) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, ImageRecord> byId = new LinkedHashMap<>();
        for (Saved saved : images) {
            byId.putIfAbsent(saved.image().id(), saved.image());
            List<String> list = names.computeIfAbsent(saved.image().id(), id -> new ArrayList<>());
            saved.names().stream().filter(n -> !list.contains(n)).forEach(list::add);
        }
        return byId.values().stream().map(image -> new Saved(image, names.get(image.id()))).toList();
    }

    private Prepared prepare(Saved saved, Map<String, LayerArchiver.LayerTar> layers) throws IOException {
        ImageRecord image = saved.image();
        List<String> diffIds = new ArrayList<>();
        for (String layer : image.layers()) {
            LayerArchiver.LayerTar measured = layers.get(layer);
            if (measured == null) {
                measured = archiver.measure(store.layout().layer(layer));
                layers.put(layer, measured);
            }
            diffIds.add(measured.diffIdHex());
        }
        byte[] config = ArchivedConfig.bytes(store, image, diffIds);
        return new Prepared(saved, config, Digests.sha256Hex(config), diffIds);
    }

    private void writeDocker(TarArchiveOutputStream tar, List<Prepared> images,
            Map<String, LayerArchiver.LayerTar> layers) throws IOException {
        List<Map<String, Object>> manifest = new ArrayList<>();
        for (Map.Entry<String, LayerArchiver.LayerTar> layer : layers.entrySet()) {
            writeLayer(tar, layer.getValue().diffIdHex() + ".tar", layer.getKey(), layer.getValue());
        }
        for (Prepared image : images) {
            bytes(tar, image.configHex + ".json", image.config);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Config", image.configHex + ".json");
            entry.put("RepoTags", image.saved.names());
            entry.put("Layers", image.diffIds.stream().map(hex -> hex + ".tar").toList());
            manifest.add(entry);
        }
        bytes(tar, "manifest.json", Json.compact().asBytes(manifest));
    }

    private void writeOci(TarArchiveOutputStream tar, List<Prepared> images,
            Map<String, LayerArchiver.LayerTar> layers) throws IOException {
        bytes(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, LayerArchiver.LayerTar> layer : layers.entrySet()) {
            writeLayer(tar, "blobs/sha256/" + layer.getValue().diffIdHex(), layer.getKey(), layer.getValue());
        }
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Prepared image : images) {
            bytes(tar, "blobs/sha256/" + image.configHex, image.config);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", OciMediaTypes.MANIFEST);
            manifest.put("config", descriptor(OciMediaTypes.CONFIG, image.configHex, image.config.length));
            List<Map<String, Object>> layerDescriptors = new ArrayList<>();
            for (String hex : image.diffIds) {
                layerDescriptors.add(descriptor(OciMediaTypes.LAYER_TAR, hex, sizeOf(layers, hex)));
            }
            manifest.put("layers", layerDescriptors);
            byte[] manifestJson = Json.compact().asBytes(manifest);
            String manifestHex = Digests.sha256Hex(manifestJson);
            bytes(tar, "blobs/sha256/" + manifestHex, manifestJson);
            List<String> names = image.saved.names().isEmpty() ? java.util.Collections.singletonList(null)
                    : image.saved.names();
            for (String name : names) {
                Map<String, Object> descriptor = descriptor(OciMediaTypes.MANIFEST, manifestHex, manifestJson.length);
                if (name != null) {
                    descriptor.put("annotations", Map.of(OciMediaTypes.REF_NAME, name));
                }
                manifests.add(descriptor);
            }
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("manifests", manifests);
        bytes(tar, "index.json", Json.compact().asBytes(index));
    }

    private static long sizeOf(Map<String, LayerArchiver.LayerTar> layers, String diffIdHex) {
        return layers.values().stream().filter(l -> l.diffIdHex().equals(diffIdHex)).findFirst()
                .orElseThrow().size();
    }

    private void writeLayer(TarArchiveOutputStream tar, String name, String storedLayer,
            LayerArchiver.LayerTar measured) throws IOException {
        tar.putArchiveEntry(entry(name, measured.size()));
        LayerArchiver.LayerTar written = archiver.writeTar(store.layout().layer(storedLayer), tar);
        if (!written.equals(measured)) {
            throw new IOException("layer " + storedLayer + " changed while it was saved (digest "
                    + measured.diffIdHex() + " then " + written.diffIdHex() + ")");
        }
        tar.closeArchiveEntry();
    }

    private static Map<String, Object> descriptor(String mediaType, String hex, long size) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mediaType", mediaType);
        map.put("digest", "sha256:" + hex);
        map.put("size", size);
        return map;
    }

    private static void bytes(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        tar.putArchiveEntry(entry(name, content.length));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setMode(0100644);
        entry.setSize(size);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setModTime(EPOCH);
        return entry;
    }

    private record Prepared(Saved saved, byte[] config, String configHex, List<String> diffIds) {
    }
}
