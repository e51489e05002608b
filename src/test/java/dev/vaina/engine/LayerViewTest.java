package dev.vaina.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy-up shows the image's path as overlayfs would: upper layers win, whiteouts delete, opaque dirs hide. */
class LayerViewTest {
    @TempDir
    Path tmp;

    @Test
    void layersMergedWithWhiteoutsAndOpaqueDirectories() throws Exception {
        Path bottom = tmp.resolve("bottom");
        Path top = tmp.resolve("top");
        write(bottom.resolve("data/a"), "old a");
        write(bottom.resolve("data/b"), "old b");
        write(bottom.resolve("data/sub/c"), "hidden");
        write(top.resolve("data/b"), "new b");
        write(top.resolve("data/sub/d"), "d");
        whiteout(top.resolve("data/a"));
        opaque(top.resolve("data/sub"));
        Path volume = Files.createDirectories(tmp.resolve("volume"));

        assertTrue(LayerView.copyDirectory(List.of(top, bottom), "/data", volume));

        assertEquals(List.of("b", "sub", "sub/d"), tree(volume));
        assertEquals("new b", Files.readString(volume.resolve("b")));
    }

    @Test
    void missingPath_leavesTheVolumeEmpty() throws Exception {
        Path layer = Files.createDirectories(tmp.resolve("layer/etc"));
        Path volume = Files.createDirectories(tmp.resolve("volume"));
        assertFalse(LayerView.copyDirectory(List.of(layer.getParent()), "/nothing/here", volume));
        assertEquals(List.of(), tree(volume));
    }

    @Test
    void deletedParentInAnUpperLayer_hidesTheLowerContent() throws Exception {
        Path bottom = tmp.resolve("bottom");
        Path top = Files.createDirectories(tmp.resolve("top"));
        write(bottom.resolve("srv/www/index"), "x");
        whiteout(top.resolve("srv"));
        Path volume = Files.createDirectories(tmp.resolve("volume"));
        assertFalse(LayerView.copyDirectory(List.of(top, bottom), "/srv/www", volume));
        assertEquals(List.of(), tree(volume));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A whiteout as the layer extractor makes it: a character device 0/0. */
    private static void whiteout(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Process mknod = new ProcessBuilder("mknod", path.toString(), "c", "0", "0").inheritIO().start();
        assertEquals(0, mknod.waitFor(), "mknod needs root or Linux >= 5.8");
    }

    private static void opaque(Path dir) throws IOException {
        Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class)
                .write("overlay.opaque", ByteBuffer.wrap(new byte[] {'y'}));
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
