package dev.vaina.image;

import dev.vaina.store.FileTrees;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A fully extracted layer still in the scratch area. {@link #commit()} renames it into the layer store;
 * {@link #close()} throws it away unless it was committed. Until the rename nothing in the store refers
 * to it, so a crash leaves only a scratch directory that {@link ImageStore#repair()} deletes.
 */
public final class StagedLayer implements AutoCloseable {
    private final StoreLayout layout;
    private final Path directory;
    private final String diffIdHex;
    private final long size;
    private boolean done;

    StagedLayer(StoreLayout layout, Path directory, String diffIdHex, long size) {
        this.layout = layout;
        this.directory = directory;
        this.diffIdHex = Digests.requireHex(diffIdHex, "layer diff id");
        this.size = size;
    }

    public String diffIdHex() {
        return diffIdHex;
    }

    public long size() {
        return size;
    }

    /**
     * Moves the layer to {@code StoreLayout.layer(diffId)}. Layers are content-addressed: when that
     * directory already exists, it is kept and this copy is deleted. Call it under the store lock when
     * records will refer to the layer, so a concurrent removal cannot delete it in between.
     */
    public Layer commit() throws IOException {
        if (done) {
            throw new IllegalStateException("layer " + diffIdHex + " was already committed or discarded");
        }
        Path target = layout.layer(diffIdHex);
        Files.createDirectories(layout.layers());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            discard();
        } else {
            FileCommands.syncFileSystem(directory);
            try {
                FileTrees.moveDirectory(directory, target);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                discard(); // another process committed the same content first
            }
            AtomicFiles.syncDirectory(layout.layers());
        }
        done = true;
        return new Layer(diffIdHex, size, target);
    }

    private void discard() throws IOException {
        done = true;
        FileTrees.delete(directory);
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            discard();
        }
    }
}
