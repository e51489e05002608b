package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.image.registry.CredentialsProvider;
import dev.vaina.image.registry.OciLayoutWriter;
import dev.vaina.image.registry.Platform;
import dev.vaina.image.registry.PullListener;
import dev.vaina.image.registry.RegistryEndpoint;
import dev.vaina.image.registry.RegistryException;
import dev.vaina.image.registry.RetryPolicy;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import dev.vaina.testsupport.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from Debian's real registry, filled by skopeo from OCI layouts written here. */
class PullTest {
    private static final RetryPolicy QUICK = new RetryPolicy(1, Duration.ofMillis(50));

    @TempDir
    static Path shared;
    static TestRegistry registry;
    static OciLayoutWriter.Image two;
    static OciLayoutWriter.Image amd64;
    static OciLayoutWriter.Image arm64;
    static OciLayoutWriter.Image lying;
    static OciLayoutWriter.Image corrupt;
    static OciLayoutWriter.Image wide;
    static OciLayoutWriter.Image twice;
    static OciLayoutWriter.Image empty;
    static String indexDigest;

    @TempDir
    Path dir;

    @BeforeAll
    static void fillRegistry() throws IOException {
        registry = TestRegistry.plain();
        OciLayoutWriter layout = new OciLayoutWriter(shared.resolve("layout"));
        byte[] busybox = BusyboxRootfs.tar().toBytes();
        two = layout.image("amd64", List.of(busybox, hello("two layers")));
        layout.tag("two", two.manifest());
        amd64 = layout.image("amd64", List.of(busybox, hello("amd64")));
        arm64 = layout.image("arm64", List.of(busybox, hello("arm64")));
        var index = layout.index(List.of(amd64, arm64), List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64/v8")));
        indexDigest = index.digest();
        layout.tag("multi", index);
        byte[] lie = hello("lying config");
        lying = layout.image("amd64", List.of(lie), List.of(dev.vaina.image.registry.BlobDigest.of(hello("something else"))));
        layout.tag("lying", lying.manifest());
        corrupt = layout.image("amd64", List.of(hello("to be corrupted")));
        layout.tag("corrupt", corrupt.manifest());

        List<byte[]> noise = new ArrayList<>();
        for (int layer = 0; layer < 3; layer++) {
            noise.add(noiseLayer(layer));
        }
        wide = layout.image("amd64", noise);
        layout.tag("wide", wide.manifest());
        twice = layout.image("amd64", List.of(hello("twice"), busybox, hello("twice")));
        layout.tag("twice", twice.manifest());
        empty = layout.image("amd64", List.of());
        layout.tag("empty", empty.manifest());

        RegistryImages.pushLayout(registry, layout.dir(), "two", "test/two", false);
        RegistryImages.pushLayout(registry, layout.dir(), "wide", "test/wide", false);
        RegistryImages.pushLayout(registry, layout.dir(), "twice", "test/twice", false);
        RegistryImages.pushLayout(registry, layout.dir(), "empty", "test/empty", false);
        RegistryImages.pushLayout(registry, layout.dir(), "multi", "test/multi", true);
        RegistryImages.pushLayout(registry, layout.dir(), "lying", "test/lying", false);
        RegistryImages.pushLayout(registry, layout.dir(), "corrupt", "test/corrupt", false);
        RegistryImages.pushLayout(registry, layout.dir(), "two", "test/docker", false, "--format", "v2s2");
        Path data = RegistryImages.blobFile(registry, corrupt.layers().get(0).digest());
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(data, bytes);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** Four files of 1 MiB of random bytes, so that the blob is as big as its content and arrives in pieces. */
    private static byte[] noiseLayer(int layer) throws IOException {
        Random random = new Random(layer);
        TarBuilder tar = new TarBuilder().dir("noise-" + layer, 0755);
        for (int part = 0; part < 4; part++) {
            byte[] bytes = new byte[1 << 20];
            random.nextBytes(bytes);
            tar.file("noise-" + layer + "/part-" + part, bytes, 0644, 0, 0);
        }
        return tar.toBytes();
    }

    private static byte[] hello(String text) throws IOException {
        return new TarBuilder().dir("etc", 0755).file("etc/hello.txt", text + "\n", 0644).toBytes();
    }

    private StoreLayout layout() {
        return StoreAssertions.layoutIn(dir, true);
    }

    private ImageStore store() {
        return new ImageStore(layout());
    }

    private PulledImage pull(ImageStore store, String name, Platform platform, PullListener listener) throws IOException {
        ImageReference ref = ImageReference.parse(registry.host() + "/" + name, "localhost");
        return new ImagePuller(store, List.of()).pull(ref, RegistryEndpoint.insecure(registry.host()),
                CredentialsProvider.NONE, platform, QUICK, listener);
    }

    @Test
    void pull_twoLayerImage_storesLayersConfigAndRecord() throws IOException {
        ImageStore store = store();
        Events events = new Events();
        PulledImage pulled = pull(store, "test/two:two", Platform.parse("linux/amd64"), events);

        ImageRecord image = pulled.image();
        assertEquals(two.config().digest(), "sha256:" + image.id(), "id is the config digest");
        assertEquals(two.manifest().digest(), pulled.manifestDigest());
        assertFalse(pulled.alreadyPresent());
        assertEquals(List.of(registry.host() + "/test/two:two"), image.repoTags());
        assertEquals(List.of(registry.host() + "/test/two@" + two.manifest().digest()), image.repoDigests());
        assertEquals(two.diffIds().stream().map(d -> d.substring(7)).toList(), image.layers());
        assertEquals("amd64", image.architecture());
        assertEquals("linux", image.os());
        assertEquals(OciLayoutWriter.CREATED, image.created());
        assertEquals(List.of("sh", "-c", "cat /etc/hello.txt"), image.config().cmd());
        assertEquals("/tmp", image.config().workingDir());
        assertEquals(List.of("PATH=/bin", "GREETING=hello from amd64"), image.config().env());
        assertArrayEquals(two.configBytes(), store.configJson(image), "config.json is the registry's bytes");
        assertEquals(image, store.require(registry.host() + "/test/two:two"), "the record is read back the same");

        List<Path> lower = store.layerPaths(image);
        assertEquals(2, lower.size());
        assertEquals("two layers\n", Files.readString(lower.get(0).resolve("etc/hello.txt")));
        assertTrue(Files.isRegularFile(lower.get(1).resolve("bin/busybox")));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(lower.get(1).resolve("bin/sh")));

        assertEquals(two.layers().stream().map(l -> l.digest()).sorted().toList(), events.started.stream().sorted().toList());
        assertEquals(List.of("resolved " + two.manifest().digest(), "stored " + image.id()), events.milestones);
        assertEquals(List.of(), partials(), "downloaded blobs are deleted once extracted");
    }

    @Test
    void pull_dockerSchema2_isTheSameImage() throws IOException {
        ImageStore store = store();
        PulledImage pulled = pull(store, "test/docker:two", Platform.host(), PullListener.NONE);
        assertEquals(two.config().digest(), "sha256:" + pulled.image().id());
        assertEquals(List.of(registry.host() + "/test/docker:two"), pulled.image().repoTags());
        assertTrue(Files.isRegularFile(store.layerPaths(pulled.image()).get(1).resolve("bin/busybox")));
    }

    @Test
    void pull_layersDownloadAtOnceAndAreExtractedAsTheyArrive() throws IOException {
        StoreLayout layout = layout();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Set<String> extractedEarly = ConcurrentHashMap.newKeySet();
        Map<String, Long> sizes = wide.layers().stream().collect(Collectors.toMap(l -> l.digest(), l -> l.size()));
        PulledImage pulled = pull(new ImageStore(layout), "test/wide:wide", Platform.host(), new PullListener() {
            @Override
            public void layerStarted(String digest, long size) {
                order.add("started " + digest);
            }

            @Override
            public void layerProgress(String digest, long bytesSoFar) {
                if (bytesSoFar >= 3 << 20 && bytesSoFar < sizes.get(digest)) {
                    // the blob is not whole yet; its first file must be in a scratch directory already
                    try (Stream<Path> files = Files.walk(layout.tmp())) {
                        files.filter(f -> f.getFileName().toString().equals("part-0"))
                                .forEach(f -> extractedEarly.add(f.getParent().getFileName().toString()));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                try {
                    Thread.sleep(20); // a slow link: each layer takes long enough for the others to start
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void layerDone(String digest, boolean alreadyPresent) {
                order.add("done " + digest);
            }
        });
        assertEquals(6, order.size(), order.toString());
        assertEquals(List.of("started", "started", "started"),
                order.subList(0, 3).stream().map(event -> event.split(" ")[0]).toList(),
                "all three layers are downloading before the first is done: " + order);
        assertEquals(Set.of("noise-0", "noise-1", "noise-2"), extractedEarly,
                "each layer's first file was extracted before its blob had arrived");
        List<Path> lower = new ImageStore(layout).layerPaths(pulled.image());
        assertEquals(3, lower.size());
        assertEquals(1 << 20, Files.size(lower.get(0).resolve("noise-2/part-3")));
        assertEquals(List.of(), partials());
    }

    @Test
    void pull_blobListedTwice_isFetchedOnceAndStoredOnce() throws IOException {
        ImageStore store = store();
        Events events = new Events();
        PulledImage pulled = pull(store, "test/twice:twice", Platform.host(), events);
        assertEquals(2, events.started.size(), "one download per blob: " + events.started);
        assertEquals(Set.of(twice.layers().get(0).digest(), twice.layers().get(1).digest()), Set.copyOf(events.started));
        assertEquals(twice.diffIds().stream().map(d -> d.substring(7)).toList(), pulled.image().layers());
        assertEquals(2, StoreAssertions.children(layout().layers()).size());
        assertEquals("twice\n", Files.readString(store.layerPaths(pulled.image()).get(0).resolve("etc/hello.txt")));
        assertEquals(1, registry.accessLines("GET", "/blobs/" + twice.layers().get(0).digest()).size(),
                "the blob listed twice was asked for once");
    }

    @Test
    void pull_imageWithoutLayers_isStored() throws IOException {
        ImageStore store = store();
        PulledImage pulled = pull(store, "test/empty:empty", Platform.host(), PullListener.NONE);
        assertEquals(List.of(), pulled.image().layers());
        assertEquals(0, pulled.image().size());
        assertEquals(pulled.image(), store.require(registry.host() + "/test/empty:empty"));
    }

    @Test
    void pull_concurrentPullsOfOneImage_bothSucceedWithOneCopy() throws Exception {
        ImageStore store = store();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> pull(store, "test/two:two", Platform.host(), PullListener.NONE));
            var b = pool.submit(() -> pull(store, "test/two:two", Platform.host(), PullListener.NONE));
            assertEquals(a.get().image().id(), b.get().image().id());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, store.list().size());
        assertEquals(2, StoreAssertions.children(layout().layers()).size());
        assertEquals(List.of(), partials());
    }

    @Test
    void pull_sameImageAgain_fetchesOnlyTheManifest() throws IOException {
        ImageStore store = store();
        PulledImage first = pull(store, "test/two:two", Platform.host(), PullListener.NONE);
        Path imageDir = layout().image(first.image().id());
        List<Object> files = List.of(fileKey(imageDir.resolve("image.json")), fileKey(imageDir.resolve("config.json")));
        int blobGets = registry.accessLines("GET", "/blobs/").size();
        Events events = new Events();
        PulledImage again = pull(store, "test/two:two", Platform.host(), events);
        assertTrue(again.alreadyPresent());
        assertEquals(files, List.of(fileKey(imageDir.resolve("image.json")), fileKey(imageDir.resolve("config.json"))),
                "the image's files, unchanged, were not written again");
        assertEquals(List.of(), events.started, "no layer was downloaded");
        assertEquals(2, events.alreadyPresent.size());
        assertEquals(blobGets, registry.accessLines("GET", "/blobs/").size(), "no blob was fetched");
        assertEquals(1, store.list().size());
    }

    @Test
    void pull_sameImageAgain_takesItsTagBackFromTheImageThatHadIt() throws IOException {
        ImageStore store = store();
        PulledImage first = pull(store, "test/two:two", Platform.host(), PullListener.NONE);
        String tag = first.image().repoTags().get(0);
        ImageRecord other = store.importTarball(BusyboxRootfs.writeTar(dir), ImageReference.parse("other", "localhost"),
                dev.vaina.spec.ImageConfig.EMPTY);
        store.tag(other, ImageReference.parse(tag, "localhost"));
        assertEquals(List.of(), store.require(first.image().id()).repoTags(), "tagging the other image moved the tag");

        PulledImage again = pull(store, "test/two:two", Platform.host(), PullListener.NONE);
        assertTrue(again.alreadyPresent());
        assertEquals(List.of(tag), store.require(first.image().id()).repoTags());
        assertEquals(List.of("localhost/other:latest"), store.require(other.id()).repoTags());
        assertEquals(first.image().id(), store.require(tag).id());
    }

    @Test
    void pull_byDigest_recordsTheDigestWithoutATag() throws IOException {
        ImageStore store = store();
        PullReference ref = PullReference.parse(registry.host() + "/test/two@" + two.manifest().digest(), "localhost");
        PulledImage pulled = new ImagePuller(store, List.of()).pull(ref, RegistryEndpoint.insecure(registry.host()),
                CredentialsProvider.NONE, Platform.host(), QUICK, PullListener.NONE);
        assertEquals(List.of(), pulled.image().repoTags());
        assertEquals(List.of(registry.host() + "/test/two@" + two.manifest().digest()), pulled.image().repoDigests());
        assertEquals(pulled.image(), store.require(pulled.image().id()));
    }

    @Test
    void pull_byWrongDigest_failsAsUnknown() {
        ImageStore store = store();
        String missing = "sha256:" + "0".repeat(64);
        PullReference ref = PullReference.parse(registry.host() + "/test/two@" + missing, "localhost");
        RegistryException e = assertThrows(RegistryException.class, () -> new ImagePuller(store, List.of()).pull(ref,
                RegistryEndpoint.insecure(registry.host()), CredentialsProvider.NONE, Platform.host(), QUICK, null));
        assertTrue(e.getMessage().contains("image not known"), e.getMessage());
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void pull_unknownTag_saysImageNotKnown() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> pull(store(), "test/nothing:here", Platform.host(), null));
        assertTrue(e.getMessage().contains("Tried to pull manifest here from " + registry.host() + "/test/nothing"), e.getMessage());
        assertTrue(e.getMessage().contains(registry.host() + "/test/nothing:here: image not known"), e.getMessage());
    }

    @Test
    void pull_index_choosesThePlatform() throws IOException {
        assertEquals("amd64", Platform.host().architecture(), "this test expects an amd64 build machine");
        ImageStore store = store();
        pull(store, "test/two:two", Platform.host(), PullListener.NONE);
        Events events = new Events();
        PulledImage host = pull(store, "test/multi:multi", Platform.host(), events);
        assertEquals(amd64.manifest().digest(), host.manifestDigest());
        assertEquals("amd64", host.image().architecture());
        assertEquals("amd64\n", Files.readString(store.layerPaths(host.image()).get(0).resolve("etc/hello.txt")));
        assertEquals(List.of(amd64.layers().get(0).digest()), events.alreadyPresent, "the busybox layer is shared");
        assertTrue(host.image().repoDigests().contains(registry.host() + "/test/multi@" + indexDigest));
        assertTrue(host.image().repoDigests().contains(registry.host() + "/test/multi@" + amd64.manifest().digest()));

        PulledImage arm = pull(store, "test/multi:multi", Platform.parse("linux/arm64"), PullListener.NONE);
        assertEquals(arm64.manifest().digest(), arm.manifestDigest());
        assertEquals("arm64", arm.image().architecture());
        assertEquals(List.of(registry.host() + "/test/multi:multi"), arm.image().repoTags());
        assertEquals(List.of(), store.require(host.image().id()).repoTags(), "the tag moved to the arm64 image");
    }

    @Test
    void pull_index_absentPlatformListsWhatExists() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> pull(store(), "test/multi:multi", Platform.parse("linux/s390x"), null));
        assertTrue(e.getMessage().contains("linux/amd64, linux/arm64/v8"), e.getMessage());
        assertTrue(e.getMessage().contains("s390x"), e.getMessage());
    }

    @Test
    void pull_withPartialBlob_resumesWithARangeRequest() throws IOException {
        StoreLayout layout = layout();
        String digest = two.layers().get(0).digest();
        byte[] blob = two.layerBlobs().get(0);
        Path partial = layout.tmp().resolve("blobs").resolve(digest.substring(7) + ".partial");
        Files.createDirectories(partial.getParent());
        int half = blob.length / 2;
        Files.write(partial, java.util.Arrays.copyOf(blob, half));
        new ImageStore(layout).repair(); // a crashed pull's partial survives the cleanup of scratch space

        Events events = new Events();
        PulledImage pulled = pull(new ImageStore(layout), "test/two:two", Platform.host(), events);
        assertEquals(List.of(digest + "@" + half), events.resumed);
        assertTrue(registry.accessLines("GET", "/blobs/" + digest).stream()
                .anyMatch(line -> line.contains("\" 206 " + (blob.length - half) + " ")),
                "the registry sent only the missing bytes: " + registry.accessLines("GET", "/blobs/" + digest));
        assertTrue(Files.isRegularFile(new ImageStore(layout).layerPaths(pulled.image()).get(1).resolve("bin/busybox")));
        assertFalse(Files.exists(partial));
    }

    @Test
    void pull_corruptBlob_failsNamingTheDigestAndLeavesNothing() throws IOException {
        String digest = corrupt.layers().get(0).digest();
        RegistryException e = assertThrows(RegistryException.class,
                () -> pull(store(), "test/corrupt:corrupt", Platform.host(), null));
        assertTrue(e.getMessage().startsWith("Tried to pull blob " + digest + " from " + registry.host() + "/test/corrupt"
                + " but failed because: "), e.getMessage());
        assertNothingStored();
    }

    @Test
    void pull_layerNotMatchingItsDiffId_failsNamingBothAndLeavesNothing() throws IOException {
        IOException e = assertThrows(IOException.class, () -> pull(store(), "test/lying:lying", Platform.host(), null));
        String actual = dev.vaina.image.registry.BlobDigest.of(hello("lying config"));
        assertTrue(e.getMessage().contains(lying.layers().get(0).digest()), e.getMessage());
        assertTrue(e.getMessage().contains(actual), e.getMessage());
        assertTrue(e.getMessage().contains(lying.diffIds().get(0)), e.getMessage());
        assertNothingStored();
    }

    @Test
    void pull_fromClosedPort_namesHostAndPort() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String host = "127.0.0.1:" + port;
        RegistryException e = assertThrows(RegistryException.class, () -> new ImagePuller(store(), List.of()).pull(
                ImageReference.parse(host + "/x/y", "localhost"), RegistryEndpoint.insecure(host), CredentialsProvider.NONE,
                Platform.host(), RetryPolicy.NONE, null));
        assertTrue(e.getMessage().contains("cannot connect to " + host), e.getMessage());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    private void assertNothingStored() throws IOException {
        StoreLayout layout = layout();
        assertEquals(List.of(), StoreAssertions.children(layout.layers()), "no layer may be stored");
        assertEquals(List.of(), StoreAssertions.children(layout.images()), "no image may be stored");
        assertEquals(List.of(), partials(), "no partial blob may stay");
        assertEquals(List.of("blobs"), StoreAssertions.children(layout.tmp()), "no staged layer may stay");
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private List<String> partials() throws IOException {
        Path blobs = layout().tmp().resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(blobs)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList();
        }
    }

    /** Records what a pull reports. */
    static final class Events implements PullListener {
        final List<String> milestones = new ArrayList<>();
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> resumed = Collections.synchronizedList(new ArrayList<>());
        final List<String> alreadyPresent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void resolved(String reference, String manifestDigest) {
            milestones.add("resolved " + manifestDigest);
        }

        @Override
        public void layerStarted(String digest, long size) {
            started.add(digest);
        }

        @Override
        public void layerResumed(String digest, long offset) {
            resumed.add(digest + "@" + offset);
        }

        @Override
        public void layerDone(String digest, boolean present) {
            if (present) {
                alreadyPresent.add(digest);
            }
        }

        @Override
        public void imageStored(String imageId) {
            milestones.add("stored " + imageId);
        }
    }
}
