package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.Json;
import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import dev.vaina.testsupport.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** save and load: both formats round-trip, Podman reads ours and we read Podman's, hostile archives fail cleanly. */
class ArchiveTest {
    private static final ImageConfig CONFIG = new ImageConfig(List.of("PATH=/bin", "GREETING=hi"), List.of("/bin/sh", "-c"),
            List.of("echo hi"), "/tmp", "app", "SIGINT");

    @TempDir
    Path dir;
    private StoreLayout sourceLayout;
    private ImageStore source;
    private StoreLayout targetLayout;
    private ImageStore target;

    @BeforeEach
    void setUp() {
        sourceLayout = StoreAssertions.layoutIn(dir.resolve("source"), false);
        source = new ImageStore(sourceLayout);
        targetLayout = StoreAssertions.layoutIn(dir.resolve("target"), false);
        target = new ImageStore(targetLayout);
    }

    private ImageRecord importBusybox(String name) throws IOException {
        return source.importTarball(BusyboxRootfs.writeTar(dir), ImageReference.parse(name, "localhost"), CONFIG);
    }

    private byte[] save(ArchiveFormat format, ImageRecord image, List<String> names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ArchiveWriter(source).write(List.of(new ArchiveWriter.Saved(image, names)), format, out);
        return out.toByteArray();
    }

    private List<ImageRecord> load(byte[] archive) throws IOException {
        return new ArchiveReader(target).load(new ByteArrayInputStream(archive));
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void saveThenLoad_givesTheSameTreeConfigAndNames(ArchiveFormat format) throws IOException {
        ImageRecord image = importBusybox("busybox:1");
        source.tag(image, ImageReference.parse("other:2", "localhost"));
        image = source.require(image.id());

        List<ImageRecord> loaded = load(save(format, image, image.repoTags()));

        assertEquals(1, loaded.size());
        ImageRecord copy = loaded.get(0);
        assertEquals(List.of("localhost/busybox:1", "localhost/other:2"), copy.repoTags());
        assertEquals(CONFIG, copy.config());
        assertEquals(image.created(), copy.created());
        assertEquals(copy, target.require("localhost/other:2"));
        assertEquals(TreeListing.of(sourceLayout.layer(image.layers().get(0))),
                TreeListing.of(targetLayout.layer(copy.layers().get(0))));
        // the busybox tar lists applets unsorted: its archive is another tar, so the image gets a new id
        assertNotEquals(image.id(), copy.id());
        assertEquals(copy.id(), Digests.sha256Hex(target.configJson(copy)));
        assertEquals(List.of(), StoreAssertions.children(targetLayout.tmp()));
    }

    @Test
    void canonicalLayer_keepsItsDiffIdAndTheImageItsId() throws IOException {
        Path tar = new TarBuilder().dir("bin", 0755).file("bin/hello", "hello", 0755).dir("etc", 0755)
                .file("etc/motd", "hi\n", 0644).write(dir.resolve("canonical.tar"));
        ImageRecord image = source.importTarball(tar, ImageReference.parse("canonical", "localhost"), ImageConfig.EMPTY);
        for (ArchiveFormat format : ArchiveFormat.values()) {
            ImageRecord copy = load(save(format, image, image.repoTags())).get(0);
            assertEquals(image.id(), copy.id(), format.text());
            assertEquals(image.layers(), copy.layers());
        }
    }

    @Test
    void gzipArchive_andAnUntaggedImage_load() throws IOException {
        ImageRecord image = importBusybox("busybox");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(save(ArchiveFormat.OCI_ARCHIVE, image, List.of()));
        }
        ImageRecord copy = load(gzipped.toByteArray()).get(0);
        assertEquals(List.of(), copy.repoTags());
    }

    @Test
    void dockerShortNames_meanDockerHub() throws IOException {
        assertEquals("docker.io/library/busybox:latest", ArchiveReader.qualify("busybox"));
        assertEquals("docker.io/me/tool:1", ArchiveReader.qualify("me/tool:1"));
        assertEquals("localhost/bb:latest", ArchiveReader.qualify("localhost/bb:latest"));
    }

    @Test
    void podmansDockerArchive_loads() throws Exception {
        Path podmanArchive = Podman.saveBusybox(dir.resolve("podman"), "localhost/from-podman:latest", "docker-archive");
        ImageRecord loaded;
        try (InputStream in = Files.newInputStream(podmanArchive)) {
            loaded = new ArchiveReader(target).load(in).get(0);
        }
        assertEquals(List.of("localhost/from-podman:latest"), loaded.repoTags());
        Path busybox = targetLayout.layer(loaded.layers().get(0)).resolve("bin/busybox");
        assertEquals(Files.size(BusyboxRootfs.BUSYBOX), Files.size(busybox));
    }

    @Test
    void podmansOciArchive_loads() throws Exception {
        Path podmanArchive = Podman.saveBusybox(dir.resolve("podman"), "localhost/from-podman:oci", "oci-archive");
        ImageRecord loaded;
        try (InputStream in = Files.newInputStream(podmanArchive)) {
            loaded = new ArchiveReader(target).load(in).get(0);
        }
        assertEquals(List.of("localhost/from-podman:oci"), loaded.repoTags());
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void ourArchive_loadsIntoPodman_withTheSameIdAndLayers(ArchiveFormat format) throws Exception {
        ImageRecord image = importBusybox("to-podman");
        Path archive = dir.resolve("vaina.tar");
        Files.write(archive, save(format, image, image.repoTags()));
        // what our archive says the image is: the config (and so the id) it was saved with
        ImageRecord expected = load(Files.readAllBytes(archive)).get(0);

        Path podmanDir = dir.resolve("podman");
        Podman.run(podmanDir, "load", "-i", archive.toString());
        String inspect = Podman.run(podmanDir, "image", "inspect", "--format",
                "{{.Id}} {{range .RootFS.Layers}}{{.}}{{end}} {{range .RepoTags}}{{.}}{{end}} {{.Config.WorkingDir}} {{.Config.User}}",
                "localhost/to-podman:latest");
        assertEquals(expected.id() + " sha256:" + expected.layers().get(0) + " localhost/to-podman:latest /tmp app",
                inspect.strip());
    }

    @Test
    void manifestPointingOutsideTheArchive_fails_andLeavesNothing() throws IOException {
        byte[] config = configFor(List.of("0".repeat(64)));
        byte[] archive = new TarBuilder()
                .file(Digests.sha256Hex(config) + ".json", config, 0644, 0, 0)
                .file("manifest.json", manifest(Digests.sha256Hex(config) + ".json", "../../../../etc/passwd"), 0644, 0, 0)
                .toBytes();
        InvalidLayerException error = assertThrows(InvalidLayerException.class, () -> load(archive));
        assertTrue(error.getMessage().contains("../../../../etc/passwd\", which is not a file in the archive"),
                error.getMessage());
        StoreAssertions.assertStoreEmpty(targetLayout);
    }

    @Test
    void diffIdMismatch_fails_andLeavesNoLayer() throws IOException {
        byte[] layer = new TarBuilder().file("a", "a", 0644).toBytes();
        byte[] config = configFor(List.of(Digests.sha256Hex("something else".getBytes(StandardCharsets.UTF_8))));
        byte[] archive = new TarBuilder()
                .file("layer.tar", layer, 0644, 0, 0)
                .file(Digests.sha256Hex(config) + ".json", config, 0644, 0, 0)
                .file("manifest.json", manifest(Digests.sha256Hex(config) + ".json", "layer.tar"), 0644, 0, 0)
                .toBytes();
        InvalidLayerException error = assertThrows(InvalidLayerException.class, () -> load(archive));
        assertTrue(error.getMessage().contains("digest mismatch"), error.getMessage());
        StoreAssertions.assertStoreEmpty(targetLayout);
    }

    @Test
    void configWhoseNameIsNotItsDigest_fails() throws IOException {
        byte[] config = configFor(List.of());
        byte[] archive = new TarBuilder()
                .file("1".repeat(64) + ".json", config, 0644, 0, 0)
                .file("manifest.json", manifest("1".repeat(64) + ".json"), 0644, 0, 0)
                .toBytes();
        InvalidLayerException error = assertThrows(InvalidLayerException.class, () -> load(archive));
        assertTrue(error.getMessage().contains("digest mismatch"), error.getMessage());
        StoreAssertions.assertStoreEmpty(targetLayout);
    }

    @Test
    void layerEscapingWithDotDot_fails_andLeavesNothing() throws IOException {
        byte[] layer = new TarBuilder().file("../../escaped", "x", 0644).toBytes();
        byte[] config = configFor(List.of(Digests.sha256Hex(layer)));
        byte[] archive = new TarBuilder()
                .file("layer.tar", layer, 0644, 0, 0)
                .file("config.json", config, 0644, 0, 0)
                .file("manifest.json", manifest("config.json", "layer.tar"), 0644, 0, 0)
                .toBytes();
        InvalidLayerException error = assertThrows(InvalidLayerException.class, () -> load(archive));
        assertTrue(error.getMessage().contains("escapes the layer directory"), error.getMessage());
        StoreAssertions.assertStoreEmpty(targetLayout);
        assertTrue(!Files.exists(dir.resolve("escaped")) && !Files.exists(targetLayout.dataRoot().resolve("escaped")));
    }

    @Test
    void tamperedOciBlob_fails_andAGoodImageBeforeItIsNotLoadedEither() throws IOException {
        ImageRecord good = importBusybox("good");
        byte[] goodArchive = save(ArchiveFormat.DOCKER_ARCHIVE, good, good.repoTags());
        load(goodArchive); // fine on its own
        StoreLayout fresh = StoreAssertions.layoutIn(dir.resolve("fresh"), false);

        byte[] layer = new TarBuilder().file("a", "a", 0644).toBytes();
        byte[] tampered = new TarBuilder().file("a", "b", 0644).toBytes();
        byte[] config = configFor(List.of(Digests.sha256Hex(layer)));
        String layerHex = Digests.sha256Hex(layer);
        byte[] badManifest = Json.compact().asBytes(Map.of("schemaVersion", 2, "mediaType", OciMediaTypes.MANIFEST,
                "config", Map.of("mediaType", OciMediaTypes.CONFIG, "digest", "sha256:" + Digests.sha256Hex(config), "size", config.length),
                "layers", List.of(Map.of("mediaType", OciMediaTypes.LAYER_TAR, "digest", "sha256:" + layerHex, "size", layer.length))));
        // the archive holds a complete good image (from a docker-archive's parts) and a bad one
        TarBuilder oci = new TarBuilder()
                .file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}", 0644)
                .file("blobs/sha256/" + layerHex, tampered, 0644, 0, 0)
                .file("blobs/sha256/" + Digests.sha256Hex(config), config, 0644, 0, 0)
                .file("blobs/sha256/" + Digests.sha256Hex(badManifest), badManifest, 0644, 0, 0);
        byte[] goodOci = save(ArchiveFormat.OCI_ARCHIVE, good, good.repoTags());
        Map<String, byte[]> goodFiles = TarFiles.read(goodOci);
        goodFiles.forEach((name, content) -> {
            if (name.startsWith("blobs/")) {
                oci.file(name, content, 0644, 0, 0);
            }
        });
        Map<String, Object> goodIndex = Json.compact().mapFrom(goodFiles.get("index.json"));
        List<Object> manifests = new java.util.ArrayList<>((List<?>) goodIndex.get("manifests"));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("mediaType", OciMediaTypes.MANIFEST);
        bad.put("digest", "sha256:" + Digests.sha256Hex(badManifest));
        bad.put("size", badManifest.length);
        manifests.add(bad);
        oci.file("index.json", Json.compact().asBytes(Map.of("schemaVersion", 2, "manifests", manifests)), 0644, 0, 0);

        InvalidLayerException error = assertThrows(InvalidLayerException.class,
                () -> new ArchiveReader(new ImageStore(fresh)).load(new ByteArrayInputStream(oci.toBytes())));
        assertTrue(error.getMessage().contains("digest mismatch"), error.getMessage());
        StoreAssertions.assertStoreEmpty(fresh);
    }

    @Test
    void somethingThatIsNoArchive_fails() {
        InvalidLayerException error = assertThrows(InvalidLayerException.class,
                () -> load("not a tar at all, just text".repeat(40).getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().contains("cannot be read as a tar"), error.getMessage());
    }

    private static byte[] configFor(List<String> diffIdHexes) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIdHexes.stream().map(h -> "sha256:" + h).toList()));
        return Json.compact().asBytes(config);
    }

    private static byte[] manifest(String config, String... layers) throws IOException {
        return Json.compact().asBytes(List.of(Map.of("Config", config, "RepoTags", List.of("localhost/hostile:latest"),
                "Layers", List.of(layers))));
    }
}
