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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
        return commitAll(List.of(this)).get(0);
    }

    /**
     * Commits layers staged in one scratch area, as {@link #commit()} does each, with one syncfs(2) of their file
     * system before the first rename instead of one per layer (each a process, and the flush of whatever else the
     * file system holds).
     */
    public static List<Layer> commitAll(Collection<StagedLayer> staged) throws IOException {
        for (StagedLayer layer : staged) {
            if (layer.done) {
                throw new IllegalStateException("layer " + layer.diffIdHex + " was already committed or discarded");
            }
        }
        for (StagedLayer layer : staged) {
            LayerSizes.keep(layer.layout, layer.diffIdHex, layer.size); // before the syncfs(2) below, which covers it
        }
        boolean synced = false;
        boolean moved = false;
        List<Layer> layers = new ArrayList<>();
        for (StagedLayer layer : staged) {
            Path target = layer.layout.layer(layer.diffIdHex);
            Files.createDirectories(layer.layout.layers());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                layer.discard();
            } else {
                if (!synced) {
                    FileCommands.syncFileSystem(layer.directory);
                    synced = true;
                }
                try {
                    FileTrees.moveDirectory(layer.directory, target);
                    moved = true;
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    layer.discard(); // another process committed the same content first
                }
            }
            layer.done = true;
            layers.add(new Layer(layer.diffIdHex, layer.size, target));
        }
        if (moved) {
            AtomicFiles.syncDirectory(staged.iterator().next().layout.layers());
        }
        return layers;
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
