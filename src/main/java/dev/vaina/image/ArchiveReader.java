package dev.vaina.image;

import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.FileTrees;
import dev.vaina.store.Json;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a docker-archive or oci-archive ({@code vaina load}), plain or gzip-compressed. Every digest the
 * archive states is checked: a config named by its digest, every OCI blob, and every layer's diff_id against
 * the config's rootfs.diff_ids. Layers are extracted by {@link LayerExtractor} (which refuses entries that
 * escape the layer) into scratch directories and committed, with the image records, only once every image of
 * the archive has been checked: a failure at any point leaves no record and no layer behind.
 */
public final class ArchiveReader {
    private static final Pattern DIGEST_NAME = Pattern.compile("(?:.*/)?([0-9a-f]{64})\\.json");

    private final ImageStore store;
    private final LayerExtractor extractor;

    public ArchiveReader(ImageStore store) {
        this(store, new LayerExtractor(store.layout()));
    }

    ArchiveReader(ImageStore store, LayerExtractor extractor) {
        this.store = Objects.requireNonNull(store, "store");
        this.extractor = extractor;
    }

    /** Loads every image of the archive and returns their records (with the tags the archive gave them). */
    public List<ImageRecord> load(InputStream in) throws IOException {
        store.repair();
        StoreLayout layout = store.layout();
        Path scratch = ScratchDirectories.create(layout.tmp(), "load");
        Map<String, StagedLayer> staged = new LinkedHashMap<>();
        try {
            ArchiveContents contents = ArchiveContents.spool(in, scratch);
            List<Candidate> candidates;
            if (contents.has("manifest.json")) {
                candidates = docker(contents);
            } else if (contents.has("index.json")) {
                candidates = oci(contents);
            } else {
                throw new InvalidLayerException("the archive has neither manifest.json (docker-archive) nor index.json"
                        + " (oci-archive)");
            }
            List<PendingImage> pending = new ArrayList<>();
            for (Candidate candidate : merge(candidates)) {
                pending.add(prepare(contents, candidate, staged));
            }
            store.commit(staged.values(), pending);
            return pending.stream().map(PendingImage::record).toList();
        } finally {
            for (StagedLayer layer : staged.values()) {
                layer.close(); // discards what was not committed
            }
            FileTrees.delete(scratch);
        }
    }

    private PendingImage prepare(ArchiveContents contents, Candidate candidate, Map<String, StagedLayer> staged)
            throws IOException {
        String id = Digests.sha256Hex(candidate.config);
        String what = "the config of image " + id;
        ConfigDocument config = ConfigDocument.parse(candidate.config, what);
        List<String> diffIds = config.diffIdHexes(what);
        if (diffIds.size() != candidate.layers.size()) {
            throw new InvalidLayerException("image " + id + " lists " + candidate.layers.size()
                    + " layers but its config has " + diffIds.size() + " diff_ids");
        }
        long size = 0;
        for (int i = 0; i < diffIds.size(); i++) {
            String expected = diffIds.get(i);
            StagedLayer layer = staged.get(expected);
            if (layer == null) {
                layer = stage(contents, candidate.layers.get(i));
                staged.put(layer.diffIdHex(), layer);
                if (!layer.diffIdHex().equals(expected)) {
                    throw new InvalidLayerException("layer " + candidate.layers.get(i).name + " of image " + id
                            + " has diff_id sha256:" + layer.diffIdHex() + " but the config says sha256:" + expected
                            + " (digest mismatch)");
                }
            }
            size += layer.size();
        }
        ImageRecord record = new ImageRecord(id, candidate.tags, config.created(), size, diffIds,
                config.runtimeConfig(), config.architecture(), config.os());
        return new PendingImage(record, candidate.config);
    }

    private StagedLayer stage(ArchiveContents contents, LayerRef ref) throws IOException {
        Path file = contents.require(ref.name, "the manifest");
        MessageDigest sha256 = Digests.sha256();
        StagedLayer layer;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            layer = extractor.stage(in); // reads the stream to its end (so the digest covers it) and closes it
        } catch (InvalidLayerException e) {
            throw new InvalidLayerException("layer " + ref.name + ": " + e.getMessage(), e);
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (ref.blobHex != null && !ref.blobHex.equals(actual)) {
            layer.close();
            throw new InvalidLayerException("blob " + ref.name + " has digest sha256:" + actual
                    + " but the manifest says sha256:" + ref.blobHex + " (digest mismatch)");
        }
        return layer;
    }

    private List<Candidate> docker(ArchiveContents contents) throws IOException {
        Object parsed = Json.compact().anyFrom(contents.readJson("manifest.json", "the archive's manifest"));
        if (!(parsed instanceof List<?> entries)) {
            throw new InvalidLayerException("manifest.json is not a JSON array");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Object item : entries) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("Config") instanceof String configName)
                    || !(entry.get("Layers") instanceof List<?> layerNames)) {
                throw new InvalidLayerException("manifest.json has an entry without Config and Layers: " + item);
            }
            byte[] config = contents.readJson(configName, "manifest.json");
            Matcher named = DIGEST_NAME.matcher(configName);
            if (named.matches() && !named.group(1).equals(Digests.sha256Hex(config))) {
                throw new InvalidLayerException("config " + configName + " has digest sha256:"
                        + Digests.sha256Hex(config) + " (digest mismatch)");
            }
            List<LayerRef> layers = new ArrayList<>();
            layerNames.forEach(name -> layers.add(new LayerRef(String.valueOf(name), null)));
            List<String> tags = new ArrayList<>();
            if (entry.get("RepoTags") instanceof List<?> repoTags) {
                for (Object tag : repoTags) {
                    tags.add(qualify(String.valueOf(tag)));
                }
            }
            candidates.add(new Candidate(config, layers, tags));
        }
        return candidates;
    }

    private List<Candidate> oci(ArchiveContents contents) throws IOException {
        Map<String, Object> index = Json.compact().mapFrom(contents.readJson("index.json", "the archive's index"));
        List<Candidate> candidates = new ArrayList<>();
        manifests(contents, index, "index.json", candidates, 0);
        return candidates;
    }

    private void manifests(ArchiveContents contents, Map<?, ?> index, String what, List<Candidate> candidates,
            int depth) throws IOException {
        if (depth > 4 || !(index.get("manifests") instanceof List<?> descriptors)) {
            throw new InvalidLayerException(what + " has no manifests list");
        }
        for (Object item : descriptors) {
            if (!(item instanceof Map<?, ?> descriptor)) {
                throw new InvalidLayerException(what + " has a manifest descriptor that is not an object");
            }
            byte[] blob = blob(contents, descriptor, what);
            Map<String, Object> document = Json.compact().mapFrom(blob);
            String mediaType = String.valueOf(descriptor.get("mediaType"));
            if (mediaType.equals(OciMediaTypes.INDEX) || mediaType.equals(OciMediaTypes.DOCKER_MANIFEST_LIST)
                    || document.containsKey("manifests")) {
                manifests(contents, document, "index " + descriptor.get("digest"), candidates, depth + 1);
                continue;
            }
            String manifestWhat = "manifest " + descriptor.get("digest");
            if (!(document.get("config") instanceof Map<?, ?> configDescriptor)
                    || !(document.get("layers") instanceof List<?> layerDescriptors)) {
                throw new InvalidLayerException(manifestWhat + " has no config or layers");
            }
            byte[] config = blob(contents, configDescriptor, manifestWhat);
            List<LayerRef> layers = new ArrayList<>();
            for (Object layer : layerDescriptors) {
                if (!(layer instanceof Map<?, ?> layerDescriptor)) {
                    throw new InvalidLayerException(manifestWhat + " has a layer descriptor that is not an object");
                }
                String hex = digestHex(layerDescriptor, manifestWhat);
                layers.add(new LayerRef("blobs/sha256/" + hex, hex));
            }
            List<String> tags = new ArrayList<>();
            if (descriptor.get("annotations") instanceof Map<?, ?> annotations
                    && annotations.get(OciMediaTypes.REF_NAME) instanceof String name
                    && (name.contains("/") || name.contains(":"))) {
                // a bare ref.name ("latest") names a tag without a repository: such an image loads untagged
                tags.add(qualify(name));
            }
            candidates.add(new Candidate(config, layers, tags));
        }
    }

    /** A blob named by a descriptor, checked against the descriptor's digest. */
    private static byte[] blob(ArchiveContents contents, Map<?, ?> descriptor, String what) throws IOException {
        String hex = digestHex(descriptor, what);
        byte[] data = contents.readJson("blobs/sha256/" + hex, what);
        if (!Digests.sha256Hex(data).equals(hex)) {
            throw new InvalidLayerException("blob sha256:" + hex + " named by " + what + " has digest sha256:"
                    + Digests.sha256Hex(data) + " (digest mismatch)");
        }
        return data;
    }

    private static String digestHex(Map<?, ?> descriptor, String what) throws InvalidLayerException {
        String digest = String.valueOf(descriptor.get("digest"));
        if (!digest.startsWith("sha256:") || !Digests.isHex64(digest.substring(7))) {
            throw new InvalidLayerException(what + " has digest \"" + digest + "\"; vaina loads sha256 blobs only");
        }
        return digest.substring(7);
    }

    /** Docker's short names ("busybox:latest") mean docker.io/library/busybox:latest. */
    static String qualify(String name) throws InvalidLayerException {
        try {
            ImageReference ref = ImageReference.parse(name, "docker.io");
            if (ref.registry().equals("docker.io") && !ref.repository().contains("/")) {
                ref = new ImageReference(ref.registry(), "library/" + ref.repository(), ref.tag());
            }
            return ref.toString();
        } catch (InvalidSpecException e) {
            throw new InvalidLayerException("the archive names an image \"" + name + "\": " + e.getMessage(), e);
        }
    }

    /** Several entries with one config are one image with all their names. */
    private static List<Candidate> merge(List<Candidate> candidates) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            String id = Digests.sha256Hex(candidate.config);
            Candidate known = byId.get(id);
            if (known == null) {
                byId.put(id, candidate);
            } else {
                List<String> tags = new ArrayList<>(known.tags);
                candidate.tags.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
                byId.put(id, new Candidate(known.config, known.layers, tags));
            }
        }
        return new ArrayList<>(byId.values());
    }

    private record Candidate(byte[] config, List<LayerRef> layers, List<String> tags) {
    }

    /** A layer's entry in the archive and, for OCI blobs, the digest its bytes must have. */
    private record LayerRef(String name, String blobHex) {
    }
}
