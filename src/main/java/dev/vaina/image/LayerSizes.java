package dev.vaina.image;

import dev.vaina.spec.FileBytes;
import dev.vaina.store.OwnProcess;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The length of each stored layer's tar stream as it was pulled, loaded, imported or committed (what `history`
 * shows, as Podman does, padding after the archive's end included), kept beside the layer
 * ({@link StoreLayout#layerSize}): measuring it again means reading every file of the layer. Content-addressed as
 * the layer is, so never stale. A layer stored before these were kept, or whose size a crash cut short, has none,
 * and its size is measured instead.
 */
final class LayerSizes {
    private LayerSizes() {
    }

    /** Keeps the size unless it is kept already; not synced here: the caller's syncfs(2) follows, or nothing needs it. */
    static void keep(StoreLayout layout, String diffIdHex, long size) throws IOException {
        Path file = layout.layerSize(diffIdHex);
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + diffIdHex + ".tmp" + OwnProcess.PID);
        Files.writeString(tmp, Long.toString(size), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The kept size, or empty when there is none (or a crash left it unreadable). */
    static OptionalLong read(StoreLayout layout, String diffIdHex) throws IOException {
        try {
            String text = FileBytes.readString(layout.layerSize(diffIdHex), StandardCharsets.US_ASCII);
            return OptionalLong.of(Long.parseLong(text));
        } catch (NoSuchFileException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void forget(StoreLayout layout, String diffIdHex) throws IOException {
        Files.deleteIfExists(layout.layerSize(diffIdHex));
    }
}
