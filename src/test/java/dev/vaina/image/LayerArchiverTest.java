package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As root: extracted layers archive back into tars that extract to the same trees. */
class LayerArchiverTest {
    @TempDir
    Path dir;
    private LayerExtractor extractor;
    private LayerArchiver archiver;

    @BeforeEach
    void setUp() {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        extractor = new LayerExtractor(layout, false);
        archiver = new LayerArchiver(false);
    }

    /** Every kind of entry a layer holds, in an order no sorted walk would produce. */
    private static TarBuilder everything() {
        return new TarBuilder()
                .dir("usr", 0755)
                .dir("usr/bin", 0750, 0, 10)
                .file("usr/bin/tool", "#!/bin/sh\necho tool\n", 04755)
                .hardlink("usr/bin/alias", "usr/bin/tool")
                .symlink("usr/bin/abs", "/usr/bin/tool")
                .symlink("usr/bin/rel", "tool")
                .dir("home", 0755)
                .dir("home/app", 0700, 1000, 1000)
                .file("home/app/notes", "x".getBytes(StandardCharsets.UTF_8), 0600, 1000, 1000)
                .file("home/app/" + "long-name-".repeat(12) + "end", "long", 0644)
                .file(".wh.gone", "", 0644)
                .dir("etc", 0755)
                .file("etc/.wh.passwd", "", 0644)
                .dir("opaque", 0711)
                .file("opaque/.wh..wh..opq", "", 0644)
                .file("opaque/new", "fresh", 0644)
                .fifo("run-fifo")
                .charDevice("dev-null", 1, 3);
    }

    @Test
    void roundTrip_keepsFilesDirsLinksWhiteoutsAndOpaqueDirectories() throws IOException {
        Layer first = extractor.extract(new ByteArrayInputStream(everything().toBytes()));
        ByteArrayOutputStream archived = new ByteArrayOutputStream();
        LayerArchiver.LayerTar tar = archiver.writeTar(first.path(), archived);
        assertEquals(Digests.sha256Hex(archived.toByteArray()), tar.diffIdHex());
        assertEquals(archived.size(), tar.size());

        Layer second = extractor.extract(new ByteArrayInputStream(archived.toByteArray()));
        assertEquals(tar.diffIdHex(), second.diffIdHex(), "the archive's digest is the new layer's diff id");
        String listing = TreeListing.of(first.path());
        assertEquals(listing, TreeListing.of(second.path()));
        assertTrue(listing.contains("opaque 40711 0:0 opaque=y"), listing);
        assertTrue(listing.contains("gone 20644 0:0 rdev=0"), listing);
        assertTrue(listing.contains("linkgroup=usr/bin/alias"), listing);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        archiver.writeTar(second.path(), again);
        assertArrayEquals(archived.toByteArray(), again.toByteArray(), "archiving is deterministic");
        assertEquals(tar, archiver.measure(first.path()));
    }

    /** commit's layer: the runtime's empty mount points stay out, what the container wrote stays in. */
    @Test
    void writeTar_leavesOutEmptyMountPoints() throws IOException {
        Layer upper = extractor.extract(new ByteArrayInputStream(new TarBuilder()
                .dir("etc", 0755)
                .file("etc/hosts", "", 0644)
                .file("etc/hostname", "written\n", 0644)
                .file("etc/x", "x", 0644)
                .dir("run", 0755)
                .file("run/.containerenv", "", 0644)
                .dir("sys", 0755)
                .dir("proc", 0755)
                .file("proc/kept", "", 0644)
                .toBytes()));
        ByteArrayOutputStream archived = new ByteArrayOutputStream();
        archiver.writeTar(upper.path(), Set.of("/etc/hosts", "/etc/hostname", "/run", "/run/.containerenv",
                "/sys", "/proc"), archived);
        Set<String> names = new TreeSet<>();
        try (var in = new TarArchiveInputStream(
                new ByteArrayInputStream(archived.toByteArray()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertEquals(new TreeSet<>(List.of("etc/", "etc/hostname", "etc/x", "proc/", "proc/kept")), names,
                "the empty mount points and directories of nothing else are gone; a written one and a non-empty directory stay");
    }

    @Test
    void canonicalTar_getsItsOriginalDiffIdBack() throws IOException {
        byte[] original = new TarBuilder()
                .dir("bin", 0755)
                .file("bin/a", "a", 0755)
                .symlink("bin/b", "a")
                .dir("etc", 0755)
                .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n", 0644)
                .dir("home", 0755)
                .dir("home/app", 0755, 1000, 1000)
                .file("home/app/" + "deep-".repeat(30), "long name", 0644)
                .toBytes();
        Layer layer = extractor.extract(new ByteArrayInputStream(original));
        ByteArrayOutputStream archived = new ByteArrayOutputStream();
        LayerArchiver.LayerTar tar = archiver.writeTar(layer.path(), archived);
        assertEquals(layer.diffIdHex(), tar.diffIdHex());
        assertArrayEquals(original, archived.toByteArray());
    }

    @Test
    void rootless_recordsEveryOwnerAsRoot() throws IOException {
        Layer layer = extractor.extract(new ByteArrayInputStream(everything().toBytes()));
        ByteArrayOutputStream archived = new ByteArrayOutputStream();
        new LayerArchiver(true).writeTar(layer.path(), archived);
        Layer back = extractor.extract(new ByteArrayInputStream(archived.toByteArray()));
        String listing = TreeListing.of(back.path());
        assertTrue(listing.contains("home/app 40700 0:0"), listing);
        assertTrue(!listing.contains(" 1000:"), listing);
    }
}
