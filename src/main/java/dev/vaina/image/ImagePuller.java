package dev.vaina.image;

import dev.vaina.image.registry.BlobDigest;
import dev.vaina.image.registry.CredentialsProvider;
import dev.vaina.image.registry.Descriptor;
import dev.vaina.image.registry.ImageManifest;
import dev.vaina.image.registry.Manifest;
import dev.vaina.image.registry.Platform;
import dev.vaina.image.registry.PullListener;
import dev.vaina.image.registry.RegistryClient;
import dev.vaina.image.registry.RegistryEndpoint;
import dev.vaina.image.registry.RegistryException;
import dev.vaina.image.registry.RetryPolicy;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.StoreLayout;
import dev.vaina.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pulls an image from a registry into the {@link ImageStore}: manifest (chosen from an index by platform),
 * config, then every layer the store lacks, downloaded to {@code tmp/blobs/<digest-hex>.partial}, checked,
 * extracted, checked against the config's diff_id and renamed into place; the image record comes last.
 *
 * <p>Crash safety: a killed pull leaves partial blobs (the next pull continues them) and staged layers in
 * {@code tmp/} (removed by {@link ImageStore#repair()}); a layer appears only by an atomic rename of a complete
 * tree and a record only after all its layers. A per-blob lock ({@code <digest-hex>.lock}) keeps two pulls of
 * the same blob from writing one partial file at once: the second waits and then finds the layer present.
 */
public final class ImagePuller {
    /** Image configs are small; containers/image refuses more than 4 MiB too. */
    static final int MAX_CONFIG_BYTES = 4 * 1024 * 1024;

    private final ImageStore store;
    private final LayerExtractor extractor;
    private final List<Path> certsRoots;

    /** A puller that trusts the CA certificates in the default certs.d directories. */
    public ImagePuller(ImageStore store) {
        this(store, RegistryClient.defaultCertsRoots(System.getenv()));
    }

    public ImagePuller(ImageStore store, List<Path> certsRoots) {
        this.store = Objects.requireNonNull(store, "store");
        this.extractor = new LayerExtractor(store.layout());
        this.certsRoots = List.copyOf(certsRoots);
    }

    /**
     * Pulls {@code reference} (fully qualified; its registry is the endpoint's host) and tags the image with it.
     */
    public PulledImage pull(ImageReference reference, RegistryEndpoint endpoint, CredentialsProvider creds,
            Platform platform, RetryPolicy retry, PullListener listener) throws IOException {
        return pull(PullReference.of(reference), endpoint, creds, platform, retry, listener);
    }

    /** Like the {@link ImageReference} form, for references that may carry a digest. */
    public PulledImage pull(PullReference reference, RegistryEndpoint endpoint, CredentialsProvider creds,
            Platform platform, RetryPolicy retry, PullListener listener) throws IOException {
        return pull(reference, new RegistryClient(endpoint, creds, retry, certsRoots), platform, listener);
    }

    /** Pulls through an existing client (whose tokens are reused). */
    public PulledImage pull(PullReference reference, RegistryClient client, Platform platform, PullListener listener)
            throws IOException {
        return pull(reference, reference, client, platform, listener);
    }

    /**
     * Pulls {@code source} (from the client's registry, which may be a mirror or a rewritten location) and
     * stores the image under {@code storedAs}, the name the user asked for.
     */
    public PulledImage pull(PullReference source, PullReference storedAs, RegistryClient client, Platform platform,
            PullListener listener) throws IOException {
        PullReference reference = source;
        PullListener events = listener == null ? PullListener.NONE : listener;
        store.repair();
        String repository = reference.repository();
        Manifest top = client.fetchManifest(repository, reference.manifestReference());
        Manifest chosen = top;
        if (top.isIndex()) {
            Descriptor entry;
            try {
                entry = top.asIndex().choose(platform);
            } catch (IOException e) {
                throw new RegistryException("Tried to pull " + reference + " but failed because: " + e.getMessage(), e);
            }
            chosen = client.fetchManifest(repository, entry.digest());
            if (chosen.isIndex()) {
                throw new RegistryException("Tried to pull " + reference + " but failed because: index entry "
                        + entry.digest() + " for " + platform + " is another index, not an image manifest");
            }
        }
        ImageManifest manifest;
        try {
            manifest = chosen.asImageManifest();
        } catch (IOException e) {
            throw new RegistryException("Tried to pull " + reference + " but failed because: " + e.getMessage(), e);
        }
        events.resolved(reference.toString(), chosen.digest());

        List<String> tags = storedAs.repoTag() == null ? List.of() : List.of(storedAs.repoTag());
        Set<String> digests = new LinkedHashSet<>();
        digests.add(storedAs.name() + "@" + top.digest());
        digests.add(storedAs.name() + "@" + chosen.digest());
        String id = BlobDigest.hex(manifest.config().digest());

        Optional<ImageRecord> existing = store.record(id);
        if (existing.isPresent() && allLayersPresent(existing.get())) {
            for (Descriptor layer : manifest.layers()) {
                events.layerDone(layer.digest(), true);
            }
            ImageRecord updated = existing.get();
            ImageRecord merged = new ImageRecord(id, tags, updated.created(), updated.size(), updated.layers(),
                    updated.config(), updated.architecture(), updated.os(), List.copyOf(digests));
            ImageRecord stored = store.storePulled(merged, store.configJson(updated));
            events.imageStored(id);
            return new PulledImage(stored, chosen.digest(), true);
        }

        byte[] configBytes = client.fetchBlobBytes(repository, manifest.config().digest(), MAX_CONFIG_BYTES);
        PullConfig config;
        try {
            config = PullConfig.parse(configBytes);
        } catch (IOException e) {
            throw new RegistryException("Tried to pull " + reference + " but failed because: config "
                    + manifest.config().digest() + ": " + e.getMessage(), e);
        }
        if (config.diffIdHexes().size() != manifest.layers().size()) {
            throw new RegistryException("Tried to pull " + reference + " but failed because: the manifest lists "
                    + manifest.layers().size() + " layers and the config " + config.diffIdHexes().size() + " diff_ids");
        }
        // Every layer is downloaded, verified and extracted before any is committed: a pull that fails
        // leaves the layer store as it was (only verified partial downloads stay, for the next try).
        long size = 0;
        List<StagedLayer> staged = new ArrayList<>();
        ImageRecord stored;
        try {
            for (int i = 0; i < manifest.layers().size(); i++) {
                size += stageLayer(client, reference, manifest.layers().get(i), config.diffIdHexes().get(i), events,
                        staged);
            }
            try (StoreLock lock = StoreLock.acquire(store.layout().lockFile())) {
                for (StagedLayer layer : staged) {
                    layer.commit();
                }
            }
            ImageRecord record = new ImageRecord(id, tags, config.created(), size, config.diffIdHexes(),
                    config.config(), config.architecture(), config.os(), List.copyOf(digests));
            stored = store.storePulled(record, configBytes);
        } finally {
            for (StagedLayer layer : staged) {
                layer.close();
            }
        }
        deletePartialBlobs(manifest.layers());
        events.imageStored(id);
        return new PulledImage(stored, chosen.digest(), false);
    }

    /**
     * Downloads, verifies and extracts one layer into the scratch area, adding it to {@code staged}, unless
     * the store has it already. Returns its uncompressed size, or, for a layer the store already had (whose
     * tar size is not kept), its compressed size as the best estimate at hand.
     */
    @SuppressWarnings("try") // the lock is held for its block
    private long stageLayer(RegistryClient client, PullReference reference, Descriptor layer, String diffIdHex,
            PullListener events, List<StagedLayer> staged) throws IOException {
        if (layerPresent(diffIdHex)) {
            events.layerDone(layer.digest(), true);
            return layer.size();
        }
        String what = "pull layer " + layer.digest() + " from " + reference.name();
        Path blobs = store.layout().tmp().resolve(ScratchDirectories.PARTIAL_BLOBS);
        String blobHex = BlobDigest.hex(layer.digest());
        // One download of a blob at a time, so two pulls sharing a layer do not write one partial file.
        try (StoreLock blobLock = StoreLock.acquire(blobs.resolve(blobHex + ".lock"))) {
            if (layerPresent(diffIdHex)) {
                // Another pull stored it while this one waited for the blob.
                events.layerDone(layer.digest(), true);
                return layer.size();
            }
            events.layerStarted(layer.digest(), layer.size());
            Path partial = blobs.resolve(blobHex + ".partial");
            client.fetchBlob(reference.repository(), layer.digest(), partial, events);
            StagedLayer extracted;
            try (InputStream in = Files.newInputStream(partial)) {
                extracted = extractor.stage(in);
            } catch (InvalidLayerException e) {
                // The blob is verified: whatever went wrong would go wrong again, so it is not kept.
                Files.deleteIfExists(partial);
                throw new InvalidLayerException("Tried to " + what + " but failed because: " + e.getMessage(), e);
            }
            staged.add(extracted);
            if (!extracted.diffIdHex().equals(diffIdHex)) {
                Files.deleteIfExists(partial);
                throw new InvalidLayerException("Tried to " + what + " but failed because: its content has diff_id sha256:"
                        + extracted.diffIdHex() + " but the image config says sha256:" + diffIdHex);
            }
            events.layerDone(layer.digest(), false);
            return extracted.size();
        }
    }

    /**
     * Deletes the downloads of a stored image's layers, each under its blob's lock: another pull of an image
     * sharing a layer may be reading the same file, having waited for that lock while this one downloaded it.
     */
    @SuppressWarnings("try") // the lock is held for its block
    private void deletePartialBlobs(List<Descriptor> layers) throws IOException {
        Path blobs = store.layout().tmp().resolve(ScratchDirectories.PARTIAL_BLOBS);
        for (Descriptor layer : layers) {
            String blobHex = BlobDigest.hex(layer.digest());
            try (StoreLock blobLock = StoreLock.acquire(blobs.resolve(blobHex + ".lock"))) {
                Files.deleteIfExists(blobs.resolve(blobHex + ".partial"));
            }
        }
    }

    private boolean layerPresent(String diffIdHex) {
        return Files.isDirectory(store.layout().layer(diffIdHex), LinkOption.NOFOLLOW_LINKS);
    }

    private boolean allLayersPresent(ImageRecord image) {
        List<String> missing = new ArrayList<>(image.layers());
        missing.removeIf(this::layerPresent);
        return missing.isEmpty();
    }
}
