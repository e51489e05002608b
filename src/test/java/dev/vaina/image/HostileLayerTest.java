package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import dev.vaina.testsupport.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tarballs that try to write outside the layer or are broken: each import fails with a message naming the
 * entry, and the store is left as it was (no scratch leftovers, no layer, no image). Runs as root, so a
 * bug here would really write on the host: the targets outside are harmless names.
 */
class HostileLayerTest {
    @TempDir
    Path dir;
    private StoreLayout layout;
    private ImageStore store;
    private Path outside;

    @BeforeEach
    void setUp() throws IOException {
        layout = StoreAssertions.layoutIn(dir, false);
        store = new ImageStore(layout);
        outside = Files.createDirectories(dir.resolve("outside"));
    }

    private InvalidLayerException importFails(TarBuilder tar) throws IOException {
        Path tarball = tar.write(dir.resolve("hostile.tar"));
        return importFails(tarball);
    }

    private InvalidLayerException importFails(Path tarball) throws IOException {
        InvalidLayerException error = assertThrows(InvalidLayerException.class,
                () -> store.importTarball(tarball, ImageReference.parse("hostile", "localhost"), ImageConfig.EMPTY));
        StoreAssertions.assertStoreEmpty(layout);
        return error;
    }

    @Test
    void dotDotEntry_isRejected() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .file("etc/hostname", "ok", 0644)
                .file("../../etc/passwd", "root::0:0::/:/bin/sh", 0644));

        assertTrue(error.getMessage().contains("layer entry ../../etc/passwd escapes the layer directory"),
                error.getMessage());
    }

    @Test
    void absoluteSymlinkThenFileThroughIt_isRejected() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .symlink("link", "/etc")
                .file("link/vaina-escape-test", "written through a symlink", 0644));

        assertTrue(error.getMessage().contains("layer entry link/vaina-escape-test escapes the layer directory"
                + " through symlink link -> /etc"), error.getMessage());
        assertFalse(Files.exists(Path.of("/etc/vaina-escape-test")));
    }

    @Test
    void whiteoutsThroughASymlinkOut_areRejected() throws IOException {
        InvalidLayerException whiteout = importFails(new TarBuilder()
                .symlink("link", outside.toString())
                .file("link/.wh.victim", "", 0644));
        assertTrue(whiteout.getMessage().contains("layer entry link/.wh.victim escapes the layer directory"),
                whiteout.getMessage());

        InvalidLayerException opaque = importFails(new TarBuilder()
                .symlink("link", "../..")
                .file("link/.wh..wh..opq", "", 0644));
        assertTrue(opaque.getMessage().contains("layer entry link/.wh..wh..opq escapes the layer directory"),
                opaque.getMessage());
        assertEquals(0, outside.toFile().list().length);
    }

    @Test
    void missingTarball_saysSo() {
        Path missing = dir.resolve("nope.tar");
        java.nio.file.NoSuchFileException error = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> store.importTarball(missing, null, ImageConfig.EMPTY));
        assertTrue(error.getMessage().contains(missing + ": cannot import: the tarball does not exist"), error.getMessage());
    }

    @Test
    void absoluteSymlinkToADirectoryWeWatch_isNotWrittenThrough() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .symlink("link", outside.toString())
                .file("link/passwd", "owned", 0644));

        assertTrue(error.getMessage().contains("layer entry link/passwd escapes the layer directory"), error.getMessage());
        assertEquals(0, outside.toFile().list().length);
    }

    @Test
    void relativeSymlinkClimbingOut_isRejected() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .symlink("a", "../../..")
                .file("a/escaped", "x", 0644));

        assertTrue(error.getMessage().contains("layer entry a/escaped escapes the layer directory through symlink a -> ../../.."),
                error.getMessage());
    }

    @Test
    void nestedSymlinksClimbingOut_areRejected() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .dir("x/y", 0755)
                .symlink("x/y/up", "..")
                .symlink("x/top", "y/up/../..")
                .file("x/top/escaped", "x", 0644));

        assertTrue(error.getMessage().contains("layer entry x/top/escaped escapes the layer directory"), error.getMessage());
    }

    @Test
    void hardLinkWithDotDot_isRejected() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .hardlink("shadow", "../../../etc/shadow"));

        assertTrue(error.getMessage().contains("layer entry shadow is a hard link to ../../../etc/shadow, which escapes the layer directory"), error.getMessage());
    }

    @Test
    void hardLinkToAbsoluteHostPath_mustNameAnEntryOfTheLayer() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .hardlink("passwd", "/etc/passwd"));

        assertTrue(error.getMessage().contains("layer entry passwd is a hard link to /etc/passwd, which is not in the layer"),
                error.getMessage());
    }

    @Test
    void hardLinkThroughASymlinkOut_isRejected() throws IOException {
        InvalidLayerException error = importFails(new TarBuilder()
                .symlink("hostetc", "/etc")
                .hardlink("passwd", "hostetc/passwd"));

        assertTrue(error.getMessage().contains("layer entry passwd escapes the layer directory through symlink hostetc -> /etc"),
                error.getMessage());
    }

    @Test
    void truncatedTar_isRejected() throws IOException {
        byte[] whole = BusyboxRootfs.tar().toBytes();
        Path tarball = Files.write(dir.resolve("truncated.tar"), Arrays.copyOf(whole, whole.length / 2));

        InvalidLayerException error = importFails(tarball);

        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void truncatedGzip_isRejected() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            BusyboxRootfs.tar().writeTo(gzip);
        }
        byte[] whole = compressed.toByteArray();
        Path tarball = Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(whole, whole.length / 2));

        InvalidLayerException error = importFails(tarball);

        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void truncatedZstd_failsAndLeavesNothing() throws IOException {
        InvalidLayerException error = importFails(
                Files.write(dir.resolve("layer.tar.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0}));

        assertTrue(error.getMessage().contains("layer"), error.getMessage());
    }
}
