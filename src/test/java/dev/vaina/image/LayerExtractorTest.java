package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import dev.vaina.testsupport.TarBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs as root (as the build machines do): ownership, devices and fifos are created for real. */
class LayerExtractorTest {
    @TempDir
    Path dir;

    private Layer extract(StoreLayout layout, Path tarball) throws IOException {
        try (InputStream in = Files.newInputStream(tarball)) {
            return new LayerExtractor(layout).extract(in);
        }
    }

    @Test
    void busyboxRootfs_extractedWithModesOwnersLinksAndTimes() throws IOException {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        Path tarball = BusyboxRootfs.writeTar(dir);

        Layer layer = extract(layout, tarball);

        byte[] tarBytes = Files.readAllBytes(tarball);
        assertEquals(HexFormat.of().formatHex(Digests.sha256().digest(tarBytes)), layer.diffIdHex());
        assertEquals(tarBytes.length, layer.size());
        assertEquals(layout.layer(layer.diffIdHex()), layer.path());
        Path root = layer.path();
        assertArrayEquals(Files.readAllBytes(BusyboxRootfs.BUSYBOX), Files.readAllBytes(root.resolve("bin/busybox")));
        assertEquals(0755, mode(root.resolve("bin/busybox")));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(root.resolve("bin/sh")));
        assertEquals(01777, mode(root.resolve("tmp")));
        assertEquals(0700, mode(root.resolve("root")));
        assertEquals(0755, mode(root));
        assertEquals(1000, Files.getAttribute(root.resolve("home/app"), "unix:uid"));
        assertEquals(1000, Files.getAttribute(root.resolve("home/app"), "unix:gid"));
        assertEquals(0, Files.getAttribute(root.resolve("etc/passwd"), "unix:uid"));
        FileTime expected = FileTime.fromMillis(TarBuilder.MTIME_MILLIS);
        assertEquals(expected, Files.getLastModifiedTime(root.resolve("etc/passwd")));
        assertEquals(expected, Files.getLastModifiedTime(root.resolve("bin")));
        assertEquals(expected, Files.getLastModifiedTime(root.resolve("bin/sh"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(), StoreAssertions.children(layout.tmp()));
    }

    @Test
    void gzipLayer_hasTheDiffIdOfItsUncompressedTar() throws IOException {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        Path plain = BusyboxRootfs.writeTar(dir);
        Path gzip = BusyboxRootfs.tar().writeGzip(dir.resolve("rootfs.tar.gz"));

        Layer fromGzip = extract(layout, gzip);

        assertEquals(HexFormat.of().formatHex(Digests.sha256().digest(Files.readAllBytes(plain))), fromGzip.diffIdHex());
        assertEquals(Files.size(plain), fromGzip.size());
        assertTrue(Files.isRegularFile(fromGzip.path().resolve("bin/busybox")));
    }

    @Test
    void zstdLayer_compressedByTheZstdTool_hasTheDiffIdOfItsUncompressedTar() throws Exception {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        Path plain = BusyboxRootfs.writeTar(dir);
        Path zst = dir.resolve("rootfs.tar.zst");
        Process zstd = new ProcessBuilder("zstd", "-q", "-19", plain.toString(), "-o", zst.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, zstd.waitFor(), new String(zstd.getInputStream().readAllBytes()));

        Layer fromZstd = extract(layout, zst);

        assertEquals(HexFormat.of().formatHex(Digests.sha256().digest(Files.readAllBytes(plain))), fromZstd.diffIdHex());
        assertTrue(Files.isRegularFile(fromZstd.path().resolve("bin/busybox")));
    }

    @Test
    void sameContentTwice_storesOneLayer() throws IOException {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        Path tarball = BusyboxRootfs.writeTar(dir);

        Layer first = extract(layout, tarball);
        Layer second = extract(layout, tarball);

        assertEquals(first, second);
        assertEquals(List.of(first.diffIdHex()), StoreAssertions.children(layout.layers()));
        assertEquals(List.of(), StoreAssertions.children(layout.tmp()));
    }

    @Test
    void hardLinksFifosAndDevices_asRoot() throws IOException {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        Path tarball = new TarBuilder()
                .file("data/original", "shared inode", 0640)
                .hardlink("data/copy", "data/original")
                .hardlink("/abs-copy", "/data/original")
                .fifo("run/pipe")
                .charDevice("dev/null", 1, 3)
                .write(dir.resolve("special.tar"));

        Path root = extract(layout, tarball).path();

        Object inode = Files.getAttribute(root.resolve("data/original"), "unix:ino");
        assertEquals(inode, Files.getAttribute(root.resolve("data/copy"), "unix:ino"));
        assertEquals(inode, Files.getAttribute(root.resolve("abs-copy"), "unix:ino"));
        assertEquals(0010000, fileType(root.resolve("run/pipe")), "a fifo");
        assertEquals(0020000, fileType(root.resolve("dev/null")), "a character device");
        assertEquals((1L << 8) | 3, Files.getAttribute(root.resolve("dev/null"), "unix:rdev"));
    }

    @Test
    void laterEntryReplacesEarlierSymlinkInsteadOfWritingThroughIt() throws IOException {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        Path outside = Files.writeString(dir.resolve("outside"), "host data");
        Path tarball = new TarBuilder()
                .symlink("victim", outside.toString())
                .file("victim", "layer data", 0644)
                .write(dir.resolve("replace.tar"));

        Path root = extract(layout, tarball).path();

        assertEquals("host data", Files.readString(outside));
        assertFalse(Files.isSymbolicLink(root.resolve("victim")));
        assertEquals("layer data", Files.readString(root.resolve("victim")));
    }

    @Test
    void symlinkInsideTheLayer_isFollowedForLaterEntries() throws IOException {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        Path tarball = new TarBuilder()
                .dir("usr/lib", 0755)
                .symlink("lib", "usr/lib")
                .file("lib/libc.so", "elf", 0755)
                .write(dir.resolve("inside.tar"));

        Path root = extract(layout, tarball).path();

        assertEquals("elf", Files.readString(root.resolve("usr/lib/libc.so")));
    }

    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    static int fileType(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    }
}
