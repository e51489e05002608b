package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path dir;
    private StoreLayout layout;
    private ImageStore store;
    private Path tarball;

    @BeforeEach
    void setUp() throws IOException {
        layout = StoreAssertions.layoutIn(dir, false);
        store = new ImageStore(layout);
        tarball = BusyboxRootfs.writeTar(dir);
    }

    private ImageRecord importAs(String name) throws IOException {
        return store.importTarball(tarball, ImageReference.parse(name, ImageReference.LOCAL_REGISTRY), ImageConfig.EMPTY);
    }

    @Test
    void importThenListAndFind() throws IOException {
        ImageRecord image = importAs("busybox");

        assertEquals(List.of("localhost/busybox:latest"), image.repoTags());
        assertEquals(Files.size(tarball), image.size());
        assertEquals(1, image.layers().size());
        assertEquals(List.of(image), store.list());
        for (String name : List.of("busybox", "busybox:latest", "localhost/busybox", "localhost/busybox:latest",
                image.id(), "sha256:" + image.id(), image.id().substring(0, 3), image.shortId())) {
            assertEquals(Optional.of(image), store.find(name), name);
        }
        assertEquals(Optional.empty(), store.find("busybox:1.36"));
        assertEquals(Optional.empty(), store.find("docker.io/library/busybox"));
        ImageNotFoundException error = assertThrows(ImageNotFoundException.class, () -> store.require("alpine"));
        assertEquals("alpine: image not known", error.getMessage());
    }

    @Test
    void recordAndOciConfigAreOnDisk_andTheIdIsTheConfigDigest() throws IOException {
        ImageRecord image = store.importTarball(tarball, ImageReference.parse("busybox", "localhost"),
                new ImageConfig(List.of("PATH=/bin"), null, null, "/tmp", "app", null));

        Path imageDir = layout.image(image.id());
        byte[] config = Files.readAllBytes(imageDir.resolve("config.json"));
        assertEquals(image.id(), Digests.sha256Hex(config));
        Map<String, Object> document = JSON.std.mapFrom(config);
        assertEquals(Map.of("type", "layers", "diff_ids", List.of("sha256:" + image.layers().get(0))), document.get("rootfs"));
        assertEquals(Map.of("Env", List.of("PATH=/bin"), "WorkingDir", "/tmp", "User", "app"), document.get("config"));
        assertEquals(image.architecture(), document.get("architecture"));
        assertEquals("linux", document.get("os"));
        assertEquals(image, new ImageStore(layout).require(image.id()), "the record reads back from image.json");
        assertEquals(null, image.config().cmd(), "an imported image has no Cmd");
    }

    @Test
    void reimportWithTheSameTag_movesTheTagAndReusesTheLayer() throws IOException {
        ImageRecord first = importAs("busybox");
        ImageRecord second = importAs("busybox");

        assertNotEquals(first.id(), second.id());
        assertEquals(Optional.of(second), store.find("busybox"));
        assertEquals(List.of(), store.require(first.id()).repoTags(), "the older image is left untagged");
        assertEquals(List.of(second.id(), first.id()), store.list().stream().map(ImageRecord::id).toList(),
                "newest first");
        assertEquals(first.layers(), second.layers());
        assertEquals(List.of(first.layers().get(0)), StoreAssertions.children(layout.layers()));
        assertEquals(List.of(), StoreAssertions.children(layout.tmp()));
    }

    @Test
    void gzipTarball_importsToTheSameLayer() throws IOException {
        ImageRecord plain = importAs("plain");
        Path gzip = BusyboxRootfs.tar().writeGzip(dir.resolve("rootfs.tar.gz"));

        ImageRecord compressed = store.importTarball(gzip, ImageReference.parse("gzipped", "localhost"), null);

        assertEquals(plain.layers(), compressed.layers());
        assertEquals(plain.size(), compressed.size());
    }

    @Test
    void shortNamesMatchAnyRegistry_localhostFirst() throws IOException {
        ImageRecord quay = importAs("quay.io/tools/box:1");

        assertEquals(Optional.of(quay), store.find("box:1"));
        assertEquals(Optional.of(quay), store.find("tools/box:1"));

        ImageRecord local = importAs("box:1");
        assertEquals(Optional.of(local), store.find("box:1"), "localhost wins for a short name");
    }

    @Test
    void shortName_triesTheSearchOrderFirst_thenTheOldestOfAnyRegistry_neverAmbiguous() throws IOException {
        ImageRecord private5000 = importAs("127.0.0.1:5000/library/hello-world:latest");
        ImageRecord hub = importAs("docker.io/library/hello-world:latest");
        ImageRecord quay = importAs("quay.io/library/hello-world:latest");
        ImageStore searching = new ImageStore(layout, shortName -> List.of("localhost/" + shortName + ":latest",
                "quay.io/library/" + shortName + ":latest", "docker.io/library/" + shortName + ":latest"));

        assertEquals(Optional.of(quay), searching.find("hello-world"), "the first search registry that has it");
        assertEquals(Optional.of(private5000), store.find("hello-world"), "outside the search order: the oldest");
        assertEquals(Optional.of(private5000), store.find("library/hello-world"));
        store.remove(quay);
        assertEquals(Optional.of(hub), searching.find("hello-world"), "the next search registry");
        assertEquals(Optional.of(private5000), searching.find("127.0.0.1:5000/library/hello-world"));

        ImageRecord local = importAs("hello-world");
        assertEquals(Optional.of(local), searching.find("hello-world"), "localhost comes before every registry");
        assertEquals(Optional.empty(), searching.find("hello-world:2"), "the tag must match too");
    }

    @Test
    void ambiguousIdPrefix_isAnError() throws IOException {
        List<ImageRecord> images = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            images.add(importAs("image" + i));
        }
        String shared = null;
        outer:
        for (ImageRecord a : images) {
            for (ImageRecord b : images) {
                if (a != b && a.id().charAt(0) == b.id().charAt(0)) {
                    shared = a.id().substring(0, 1);
                    break outer;
                }
            }
        }
        String prefix = shared; // 40 ids over 16 first digits: two share one
        assertThrows(AmbiguousImageException.class, () -> store.find(prefix));
    }

    @Test
    void layerPaths_topMostFirst() throws IOException {
        ImageRecord single = importAs("busybox");
        assertEquals(List.of(layout.layer(single.layers().get(0))), store.layerPaths(single));
        assertTrue(Files.isRegularFile(store.layerPaths(single).get(0).resolve("bin/busybox")));

        String bottom = "a".repeat(64);
        String top = "b".repeat(64);
        ImageRecord stacked = new ImageRecord(single.id(), List.of(), single.created(), 0, List.of(bottom, top),
                null, "amd64", "linux");
        assertEquals(List.of(layout.layer(top), layout.layer(bottom)), store.layerPaths(stacked));
    }

    @Test
    void remove_keepsLayersOtherImagesUse() throws IOException {
        ImageRecord first = importAs("one");
        ImageRecord second = importAs("two");
        Path layer = layout.layer(first.layers().get(0));

        store.remove(second);
        assertEquals(List.of(first), store.list());
        assertTrue(Files.isDirectory(layer));

        store.remove(first);
        assertEquals(List.of(), store.list());
        assertFalse(Files.exists(layer));
        assertEquals(List.of(), StoreAssertions.children(layout.tmp()));
        assertEquals(List.of(), StoreAssertions.children(layout.layers()));
    }

    @Test
    void repair_deletesScratchOfDeadProcessesOnly() throws IOException {
        Path abandoned = Files.createDirectories(layout.tmp().resolve("999999999-1-layer-x/bin"));
        Files.writeString(abandoned.resolve("half-written"), "x");
        Files.setAttribute(abandoned, "unix:mode", 0555);
        Path live = ScratchDirectories.create(layout.tmp(), "layer");

        store.repair();

        assertEquals(List.of(live.getFileName().toString()), StoreAssertions.children(layout.tmp()));
    }

    @Test
    void twoImportsInSeparateProcessesAtOnce_bothLand() throws Exception {
        Path other = BusyboxRootfs.tar().file("extra", "second layer", 0644).write(dir.resolve("other.tar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<Process> processes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(new ProcessBuilder(java, "-cp", classpath, "dev.vaina.testsupport.ImportMain",
                    layout.dataRoot().toString(), "rootful", "same" + i + "=" + tarball, "other" + i + "=" + other)
                    .redirectErrorStream(true).start());
        }
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes());
            assertEquals(0, process.waitFor(), output);
        }

        List<ImageRecord> images = store.list();
        assertEquals(8, images.size());
        assertEquals(2, StoreAssertions.children(layout.layers()).size());
        assertEquals(List.of(), StoreAssertions.children(layout.tmp()));
        for (int i = 0; i < 4; i++) {
            assertTrue(store.find("same" + i).isPresent());
            assertTrue(store.find("other" + i).isPresent());
        }
    }
}
