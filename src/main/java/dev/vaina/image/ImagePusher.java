package dev.vaina.image;

import dev.vaina.image.registry.RegistryClient;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.FileTrees;
import dev.vaina.store.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Pushes a stored image to a registry, as {@code podman push} does: every layer is archived again from its
 * extracted tree by {@link LayerArchiver}, gzip-compressed into a scratch file (its compressed digest and its
 * diff_id computed while writing) and uploaded unless the registry has it; then the config, rewritten when the
 * archived diff_ids differ from the recorded ones ({@link ArchivedConfig}), then the manifest under the tag.
 *
 * <p>Layers are pushed one at a time, so the scratch space needed is one compressed layer plus the config; the
 * scratch directory is deleted whatever happens (and by {@link ImageStore#repair()} after a crash). Java's gzip
 * writes no timestamp or file name, so pushing the same image twice gives the same blobs, and the second push
 * uploads nothing.
 */
public final class ImagePusher {
    private static final int BUFFER = 64 * 1024;

    private final ImageStore store;
    private final LayerArchiver archiver;

    public ImagePusher(ImageStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.archiver = new LayerArchiver(store.layout());
    }

    /**
     * Pushes {@code image} to {@code destination}, whose registry must be the client's.
     *
     * @throws dev.vaina.image.registry.RegistryException (with RegistryAuthenticationException for refused or
     *     missing credentials) when the registry fails a request
     */
    public PushResult push(ImageRecord image, ImageReference destination, RegistryClient client, PushFormat format,
            PushListener listener) throws IOException {
        Objects.requireNonNull(format, "format");
        PushListener events = listener == null ? PushListener.NONE : listener;
        if (!client.endpoint().host().equals(destination.registry())) {
            throw new IllegalArgumentException("the client talks to " + client.endpoint().host() + ", not to "
                    + destination.registry());
        }
        String repository = destination.repository();
        store.repair();
        Path scratch = ScratchDirectories.create(store.layout().tmp(), "push");
        try {
            events.started(destination.toString());
            List<String> diffIds = new ArrayList<>();
            List<Map<String, Object>> layers = new ArrayList<>();
            int uploaded = 0;
            for (String layer : image.layers()) {
                Path file = scratch.resolve(layer + ".tar.gz");
                PushLayer compressed = compress(layer, file, destination);
                boolean sent = client.pushBlob(repository, compressed.digest(), file, null);
                Files.delete(file);
                uploaded += sent ? 1 : 0;
                diffIds.add(compressed.diffIdHex());
                layers.add(descriptor(format.layerType(), compressed.digest(), compressed.size()));
                events.layerDone(compressed.diffIdHex(), !sent);
            }
            byte[] config = ArchivedConfig.bytes(store, image, diffIds);
            String configDigest = "sha256:" + Digests.sha256Hex(config);
            Path configFile = Files.write(scratch.resolve("config.json"), config);
            boolean configSent = client.pushBlob(repository, configDigest, configFile, null);
            uploaded += configSent ? 1 : 0;
            events.configDone(configDigest, !configSent);

            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", format.manifestType());
            manifest.put("config", descriptor(format.configType(), configDigest, config.length));
            manifest.put("layers", layers);
            byte[] manifestBytes = Json.compact().asBytes(manifest);
            String manifestDigest = client.putManifest(repository, destination.tag(), format.manifestType(), manifestBytes);
            events.manifestWritten(manifestDigest);
            return new PushResult(manifestDigest, format.manifestType(), configDigest,
                    layers.stream().map(l -> (String) l.get("digest")).toList(), uploaded);
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
    }

    /** Archives layer {@code diffIdHex} gzip-compressed into {@code file}. */
    private PushLayer compress(String diffIdHex, Path file, ImageReference destination) throws IOException {
        Path layerDir = store.layout().layer(diffIdHex);
        if (!Files.isDirectory(layerDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Tried to push layer " + diffIdHex + " to " + destination
                    + " but failed because: it is missing from the store (" + layerDir + ")");
        }
        MessageDigest compressed = Digests.sha256();
        LayerArchiver.LayerTar tar;
        try (OutputStream fileOut = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
                DigestOutputStream digesting = new DigestOutputStream(fileOut, compressed);
                GZIPOutputStream gzip = new GZIPOutputStream(digesting, BUFFER)) {
            tar = archiver.writeTar(layerDir, gzip);
            gzip.finish();
        }
        return new PushLayer(tar.diffIdHex(), "sha256:" + HexFormat.of().formatHex(compressed.digest()), Files.size(file));
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mediaType", mediaType);
        map.put("digest", digest);
        map.put("size", size);
        return map;
    }
}
