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
import dev.vaina.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Pulls an image from a registry into the {@link ImageStore}: manifest (chosen from an index by platform),
 * config, then every layer the store lacks, several at once, each extracted as it downloads (to
 * {@code tmp/blobs/<digest-hex>.partial}), its digest checked at its end and its content against the config's
 * diff_id, and renamed into place once all are; the image record comes last.
 *
 * <p>Crash safety: a killed pull leaves partial blobs (the next pull continues them) and staged layers in
 * {@code tmp/} (removed by {@link ImageStore#repair()}); a layer appears only by an atomic rename of a complete
 * tree and a record only after all its layers. A per-blob lock ({@code <digest-hex>.lock}) keeps two pulls of
 * the same blob from writing one partial file at once: the second waits and then finds the layer present.
 */
public final class ImagePuller {
    /** Image configs are small; containers/image refuses more than 4 MiB too. */
    static final int MAX_CONFIG_BYTES = 4 * 1024 * 1024;
    /** Layers downloaded at once, as many as Podman's default. */
    static final int PARALLEL_LAYERS = 6;

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
        // leaves the layer store as it was (only partial downloads stay, for the next try).
        List<StagedLayer> staged = Collections.synchronizedList(new ArrayList<>());
        ImageRecord stored;
        try {
            long size = stageAll(client, reference, manifest.layers(), config.diffIdHexes(), events, staged);
            try (StoreLock lock = StoreLock.acquire(store.layout().lockFile())) {
                StagedLayer.commitAll(staged);
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
     * Stages every layer the store lacks, up to {@value #PARALLEL_LAYERS} at once; a blob the manifest lists twice
     * is fetched once. When one fails, the others are stopped (what they downloaded stays for the next pull) and
     * its failure is thrown once they have. Returns the image's size: the layers' sizes summed as listed.
     */
    private long stageAll(RegistryClient client, PullReference reference, List<Descriptor> layers, List<String> diffIds,
            PullListener events, List<StagedLayer> staged) throws IOException {
        Map<String, String> diffIdOfBlob = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            String blob = layers.get(i).digest();
            String previous = diffIdOfBlob.putIfAbsent(blob, diffIds.get(i));
            if (previous != null && !previous.equals(diffIds.get(i))) {
                throw new InvalidLayerException("Tried to pull " + reference + " but failed because: the manifest lists "
                        + "blob " + blob + " twice, and the config gives it the diff_ids sha256:" + previous
                        + " and sha256:" + diffIds.get(i));
            }
        }
        Map<String, Descriptor> byBlob = new LinkedHashMap<>();
        layers.forEach(layer -> byBlob.putIfAbsent(layer.digest(), layer));
        if (byBlob.isEmpty()) {
            return 0; // an image without layers
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(PARALLEL_LAYERS, byBlob.size()), runnable -> {
            Thread thread = new Thread(runnable, "layer download");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Map.Entry<String, Long>> done = new ExecutorCompletionService<>(threads);
            for (Descriptor layer : byBlob.values()) {
                done.submit(() -> Map.entry(layer.digest(),
                        stageLayer(client, reference, layer, diffIdOfBlob.get(layer.digest()), events, staged)));
            }
            Map<String, Long> sizes = new HashMap<>();
            for (int i = 0; i < byBlob.size(); i++) {
                Map.Entry<String, Long> layer = next(done);
                sizes.put(layer.getKey(), layer.getValue());
            }
            long size = 0;
            for (Descriptor layer : layers) {
                size += sizes.get(layer.digest());
            }
            return size;
        } finally {
            threads.shutdownNow();
            awaitStopped(threads); // until then a stopped download may still add to `staged`
        }
    }

    private static <T> T next(CompletionService<T> done) throws IOException {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while layers downloaded");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }

    private static void awaitStopped(ExecutorService threads) {
        boolean interrupted = false;
        while (true) {
            try {
                if (threads.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Downloads one layer and extracts it as its bytes arrive into the scratch area, adding it to {@code staged},
     * unless the store has it already. Returns its uncompressed size: for a layer the store already had, as kept
     * when it was stored, or its compressed size, the best estimate at hand, where none was kept.
     */
    @SuppressWarnings("try") // the lock is held for its block
    private long stageLayer(RegistryClient client, PullReference reference, Descriptor layer, String diffIdHex,
            PullListener events, List<StagedLayer> staged) throws IOException {
        if (layerPresent(diffIdHex)) {
            events.layerDone(layer.digest(), true);
            return storedSize(diffIdHex, layer);
        }
        String what = "pull layer " + layer.digest() + " from " + reference.name();
        Path blobs = store.layout().tmp().resolve(ScratchDirectories.PARTIAL_BLOBS);
        String blobHex = BlobDigest.hex(layer.digest());
        // One download of a blob at a time, so two pulls sharing a layer do not write one partial file.
        try (StoreLock blobLock = StoreLock.acquire(blobs.resolve(blobHex + ".lock"))) {
            if (layerPresent(diffIdHex)) {
                // Another pull stored it while this one waited for the blob.
                events.layerDone(layer.digest(), true);
                return storedSize(diffIdHex, layer);
            }
            events.layerStarted(layer.digest(), layer.size());
            Path partial = blobs.resolve(blobHex + ".partial");
            StagedLayer extracted;
            try (InputStream blob = client.openBlob(reference.repository(), layer.digest(), partial, events)) {
                try {
                    extracted = extractor.stage(new NonClosingInputStream(blob));
                } catch (IOException e) {
                    throw extractionFailure(blob, partial, what, e);
                }
                staged.add(extracted);
                blob.transferTo(OutputStream.nullOutputStream()); // what follows the layer's data is in the digest too
            }
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
     * What to report when a blob failed to extract. Damaged data fails to extract too, so the blob is read to its
     * end first: when that shows a digest that does not match or a broken transfer, that is the failure. A blob
     * that is whole but no valid layer would fail again, so its download is not kept.
     */
    private static IOException extractionFailure(InputStream blob, Path partial, String what, IOException e) {
        try {
            blob.transferTo(OutputStream.nullOutputStream());
        } catch (IOException blobFailure) {
            return blobFailure;
        }
        if (!(e instanceof InvalidLayerException)) {
            return e;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException cleanup) {
            e.addSuppressed(cleanup);
        }
        return new InvalidLayerException("Tried to " + what + " but failed because: " + e.getMessage(), e);
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

    private long storedSize(String diffIdHex, Descriptor layer) throws IOException {
        OptionalLong kept = LayerSizes.read(store.layout(), diffIdHex);
        return kept.isPresent() ? kept.getAsLong() : layer.size();
    }

    private boolean layerPresent(String diffIdHex) {
        return Files.isDirectory(store.layout().layer(diffIdHex), LinkOption.NOFOLLOW_LINKS);
    }

    private boolean allLayersPresent(ImageRecord image) {
        for (String layer : image.layers()) {
            if (!layerPresent(layer)) {
                return false;
            }
        }
        return true;
    }
}
