package dev.vaina.image;

import dev.vaina.spec.FileBytes;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.Instants;
import dev.vaina.store.FileTrees;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.Event;
import dev.vaina.store.EventJournal;
import dev.vaina.store.Json;
import dev.vaina.store.StoreLayout;
import dev.vaina.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The local image store: image records and their content-addressed layers under a {@link StoreLayout}.
 * Record changes happen under the store lock; layer extraction, the long part, happens outside it in a
 * scratch directory, so two imports run side by side and only their final renames and writes are serialised.
 */
public final class ImageStore {
    static final String RECORD_FILE = "image.json";
    static final String CONFIG_FILE = "config.json";

    private final StoreLayout layout;
    private final LayerExtractor extractor;
    private final ShortNameSearch search;

    /** A store whose short names are looked for under localhost/ only before any other registry's names. */
    /** The newest first, then by id. A class, not lambdas: a JVM's first lambda costs `images` about 4 ms. */
    private static final Comparator<ImageRecord> NEWEST_FIRST = new Comparator<>() {
        @Override
        public int compare(ImageRecord a, ImageRecord b) {
            int newer = b.createdInstant().compareTo(a.createdInstant());
            return newer != 0 ? newer : a.id().compareTo(b.id());
        }
    };

    public ImageStore(StoreLayout layout) {
        this(layout, ShortNameSearch.LOCALHOST_ONLY);
    }

    /** @param search where {@link #find} looks for a short name first (registries.conf's search order) */
    public ImageStore(StoreLayout layout, ShortNameSearch search) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.extractor = new LayerExtractor(layout);
        this.search = Objects.requireNonNull(search, "search");
    }

    public StoreLayout layout() {
        return layout;
    }

    /**
     * Makes a one-layer image from a root-filesystem tarball (plain or gzip), like {@code podman import}.
     * The image gets {@code overrides} as its config (no Cmd unless given: an imported image has none, so
     * {@code run} needs a command). The tag, if any, moves from any older image to this one. Calls
     * {@link #repair()} first.
     *
     * @param ref the name to tag the image with, or null for an untagged image
     */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public ImageRecord importTarball(Path tarball, ImageReference ref, ImageConfig overrides) throws IOException {
        repair();
        ImageConfig config = overrides == null ? ImageConfig.EMPTY : overrides;
        InputStream opened;
        try {
            opened = Files.newInputStream(tarball);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(tarball.toString(), null, "cannot import: the tarball does not exist");
        }
        try (InputStream in = opened; StagedLayer staged = extractor.stage(in)) {
            String created = Instants.format(Instant.now());
            String architecture = OciImageConfiguration.currentArchitecture();
            String os = "linux";
            byte[] configJson = OciImageConfiguration.render(created, architecture, os, config,
                    List.of(staged.diffIdHex()), "imported from tarball");
            String id = Digests.sha256Hex(configJson);
            List<String> tags = ref == null ? List.of() : List.of(ref.toString());
            ImageRecord record = new ImageRecord(id, tags, created, staged.size(), List.of(staged.diffIdHex()),
                    config, architecture, os);
            commit(List.of(staged), List.of(new PendingImage(record, configJson)));
            // Podman 4.3 reports an import as the tag it gives the new image
            for (String tag : tags) {
                report("tag", id, tag);
            }
            return record;
        } catch (InvalidLayerException e) {
            throw new InvalidLayerException("importing " + tarball + ": " + e.getMessage(), e);
        }
    }

    /** The record of image {@code idHex} when it is stored. */
    Optional<ImageRecord> record(String idHex) throws IOException {
        Path file = layout.image(idHex).resolve(RECORD_FILE);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Writes a pulled image: config.json (the exact bytes whose sha256 is the id), then image.json, under the
     * store lock. An existing record of the same image keeps its tags and digests and gains the new ones; the
     * new tags move away from older images, as with import. Every layer must already be in the store.
     */
    @SuppressWarnings("try")
    ImageRecord storePulled(ImageRecord pulled, byte[] configJson) throws IOException {
        if (!Digests.sha256Hex(configJson).equals(pulled.id())) {
            throw new IllegalArgumentException("image id " + pulled.id() + " is not the sha256 of its config");
        }
        try (StoreLock lock = StoreLock.acquire(layout.lockFile())) {
            for (String layer : pulled.layers()) {
                if (!Files.isDirectory(layout.layer(layer), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("layer sha256:" + layer + " of image " + pulled.id()
                            + " was removed while the image was being pulled; pull it again");
                }
            }
            ImageRecord record = pulled;
            Optional<ImageRecord> existing = record(pulled.id());
            // A tag is one image's at a time: one this image holds already is no other's, and nothing is listed.
            boolean tagsHeld = existing.isPresent() && existing.get().repoTags().containsAll(pulled.repoTags());
            if (existing.isPresent()) {
                Set<String> tags = new java.util.LinkedHashSet<>(existing.get().repoTags());
                tags.addAll(pulled.repoTags());
                Set<String> digests = new java.util.LinkedHashSet<>(existing.get().repoDigests());
                digests.addAll(pulled.repoDigests());
                record = new ImageRecord(pulled.id(), List.copyOf(tags), existing.get().created(),
                        existing.get().size(), pulled.layers(), pulled.config(), pulled.architecture(), pulled.os(),
                        List.copyOf(digests));
            }
            if (!tagsHeld) {
                untagOthers(record.id(), pulled.repoTags());
            }
            write(record, configJson);
            report("pull", record.id(), pulled.repoTags().isEmpty() ? "" : pulled.repoTags().get(0));
            return record;
        }
    }

    /** All images, newest first. */
    public List<ImageRecord> list() throws IOException {
        List<ImageRecord> images = new ArrayList<>();
        if (!Files.isDirectory(layout.images())) {
            return images;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layout.images())) {
            for (Path dir : dirs) {
                Path file = dir.resolve(RECORD_FILE);
                if (Digests.isHex64(dir.getFileName().toString()) && Files.isRegularFile(file)) {
                    try {
                        images.add(read(file));
                    } catch (IOException e) {
                        // Removed by another command between listing and reading: it is simply gone.
                        if (!(e.getCause() instanceof NoSuchFileException) && Files.exists(file)) {
                            throw e;
                        }
                    }
                }
            }
        }
        images.sort(NEWEST_FIRST);
        return images;
    }

    /**
     * Podman's lookup order: a full id (with or without "sha256:"), then a name (NAME:TAG, a short NAME
     * meaning NAME:latest; a short name is tried under each name of the store's {@link ShortNameSearch}),
     * then a unique id prefix, then for a short name any other registry's repository ending in /NAME (the
     * first wins: a short name is never ambiguous).
     *
     * @throws AmbiguousImageException when an id prefix matches several images
     */
    public Optional<ImageRecord> find(String nameOrId) throws IOException {
        return ImageLookup.find(list(), nameOrId, search);
    }

    /** Like {@link #find} but fails with Podman's "NAME: image not known". */
    public ImageRecord require(String nameOrId) throws IOException {
        Optional<ImageRecord> found = find(nameOrId); // no lambda on a reading command's way (see ContainerStore.find)
        if (found.isEmpty()) {
            throw new ImageNotFoundException(nameOrId);
        }
        return found.get();
    }

    /**
     * Deletes the image record and every layer that no remaining image uses. Containers that use the image
     * are not checked here (the caller's job until containers record their image).
     */
    @SuppressWarnings("try")
    public void remove(ImageRecord image) throws IOException {
        try (StoreLock lock = StoreLock.acquire(layout.lockFile())) {
            Path dir = layout.image(image.id());
            if (!Files.exists(dir)) {
                throw new ImageNotFoundException(image.id());
            }
            // renamed away first, so a crash mid-delete leaves scratch, never a half image or half layer
            deleteViaScratch(dir, "image");
            Set<String> stillUsed = new HashSet<>();
            for (ImageRecord other : list()) {
                stillUsed.addAll(other.layers());
            }
            for (String layer : image.layers()) {
                if (!stillUsed.contains(layer) && Files.exists(layout.layer(layer), LinkOption.NOFOLLOW_LINKS)) {
                    deleteViaScratch(layout.layer(layer), "removed-layer");
                    LayerSizes.forget(layout, layer);
                }
            }
        }
        for (String tag : image.repoTags()) {
            report("untag", image.id(), tag);
        }
        report("remove", image.id(), image.repoTags().isEmpty() ? image.id() : image.repoTags().get(0));
    }

    /**
     * Appends an image event to the journal. The operation succeeded whether or not its event could be
     * recorded (the journal is a report of it), so a failure is not an error here.
     */
    private void report(String status, String id, String name) {
        new EventJournal(layout).append(Event.image(status, id, name));
    }

    /** The image's layer directories, top-most first: the order of overlayfs' lowerdir option. */
    public List<Path> layerPaths(ImageRecord image) {
        List<Path> paths = new ArrayList<>();
        for (int i = image.layers().size() - 1; i >= 0; i--) {
            paths.add(layout.layer(image.layers().get(i)));
        }
        return paths;
    }

    /** What the image's top layer changes in its parent's layers, as {@code image diff} lists it. */
    public List<LayerChanges.Change> topLayerChanges(ImageRecord image) throws IOException {
        List<Path> layers = layerPaths(image);
        return LayerChanges.of(layers.get(0), layers.subList(1, layers.size()), Set.of());
    }

    /** The OCI image configuration bytes (the source of truth for the id). */
    public byte[] configJson(ImageRecord image) throws IOException {
        return FileBytes.read(layout.image(image.id()).resolve(CONFIG_FILE));
    }

    /**
     * Deletes what crashed commands left in {@code StoreLayout.tmp()}: half-extracted layers and half-deleted
     * images whose owning process is gone. Work of live processes is left alone. Called by
     * {@link #importTarball}; cheap enough (one directory listing) for any command to call.
     */
    public void repair() throws IOException {
        ScratchDirectories.removeAbandoned(layout.tmp());
    }

    /**
     * Moves staged layers into the layer store and writes the images' configs and records, all under one
     * lock hold: the one way an image comes into existence (import, load). A layer already committed by an
     * earlier image of the same batch is skipped.
     */
    @SuppressWarnings("try")
    void commit(Collection<StagedLayer> layers, List<PendingImage> images) throws IOException {
        try (StoreLock lock = StoreLock.acquire(layout.lockFile())) {
            StagedLayer.commitAll(layers);
            for (PendingImage image : images) {
                Path dir = layout.image(image.record().id());
                ImageRecord record = image.record();
                if (Files.isRegularFile(dir.resolve(RECORD_FILE))) {
                    // the same image again (a load of a saved image): it keeps the tags it had
                    ImageRecord stored = read(dir.resolve(RECORD_FILE));
                    List<String> tags = new ArrayList<>(stored.repoTags());
                    for (String tag : record.repoTags()) {
                        if (!tags.contains(tag)) {
                            tags.add(tag);
                        }
                    }
                    record = record.withRepoTags(tags);
                }
                untagOthers(image.record().id(), image.record().repoTags());
                write(record, image.configJson());
            }
        }
    }

    /**
     * Writes an image's configuration and record, each only when it is not there already: the id is the
     * configuration's digest, so a configuration there (written atomically) is this one, and an image stored
     * again unchanged (a warm pull) writes and syncs nothing. image.json comes last: its presence is what makes
     * the image exist.
     */
    private void write(ImageRecord record, byte[] configJson) throws IOException {
        Path dir = layout.image(record.id());
        Files.createDirectories(dir);
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
            AtomicFiles.write(dir.resolve(CONFIG_FILE), configJson);
        }
        if (Json.writeIfChanged(dir.resolve(RECORD_FILE), record)) {
            AtomicFiles.syncDirectory(layout.images());
        }
    }

    /** Adds {@code ref} to the image's tags (re-read under the lock), moving it from any other image. */
    @SuppressWarnings("try")
    public ImageRecord tag(ImageRecord image, ImageReference ref) throws IOException {
        try (StoreLock lock = StoreLock.acquire(layout.lockFile())) {
            ImageRecord current = reread(image);
            String tag = ref.toString();
            if (current.repoTags().contains(tag)) {
                return current;
            }
            List<String> tags = new ArrayList<>(current.repoTags());
            tags.add(tag);
            ImageRecord tagged = current.withRepoTags(tags);
            untagOthers(image.id(), List.of(tag));
            Json.write(layout.image(image.id()).resolve(RECORD_FILE), tagged);
            report("tag", image.id(), tag);
            return tagged;
        }
    }

    /** Removes one tag from the image, which stays (dangling when it was the last tag). */
    @SuppressWarnings("try")
    public ImageRecord untag(ImageRecord image, String tag) throws IOException {
        try (StoreLock lock = StoreLock.acquire(layout.lockFile())) {
            ImageRecord current = reread(image);
            List<String> tags = new ArrayList<>(current.repoTags());
            if (!tags.remove(tag)) {
                throw new ImageNotFoundException(tag);
            }
            ImageRecord untagged = current.withRepoTags(tags);
            Json.write(layout.image(image.id()).resolve(RECORD_FILE), untagged);
            report("untag", image.id(), tag);
            return untagged;
        }
    }

    private ImageRecord reread(ImageRecord image) throws IOException {
        Path file = layout.image(image.id()).resolve(RECORD_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ImageNotFoundException(image.id());
        }
        return read(file);
    }

    /**
     * Takes the tags from every image but {@code id}: before that image's record gains them, so that a command
     * killed between the two leaves a tag on no image (the next pull or tag puts it back), never on two, and an
     * image that holds a tag is the only one.
     */
    private void untagOthers(String id, List<String> tags) throws IOException {
        if (tags.isEmpty()) {
            return;
        }
        for (ImageRecord other : list()) {
            if (other.id().equals(id) || Collections.disjoint(other.repoTags(), tags)) {
                continue;
            }
            List<String> kept = new ArrayList<>(other.repoTags());
            kept.removeAll(tags);
            Json.write(layout.image(other.id()).resolve(RECORD_FILE), other.withRepoTags(kept));
        }
    }

    private void deleteViaScratch(Path dir, String purpose) throws IOException {
        Path scratch = ScratchDirectories.create(layout.tmp(), purpose);
        Path moved = scratch.resolve("content");
        FileTrees.moveDirectory(dir, moved);
        FileTrees.delete(scratch);
    }

    private static ImageRecord read(Path file) throws IOException {
        try {
            return Json.read(file, ImageRecord.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException("reading image record " + file + " failed: " + e.getMessage(), e);
        }
    }
}
