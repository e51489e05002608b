package dev.vaina.it.registry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opentest4j.AssertionFailedError;

/**
 * Test images built as OCI layouts and pushed into a {@link TestRegistry} by skopeo, independently of
 * vaina: busybox, a multi-layer image with whiteouts, a multi-platform index, a big image, and hostile
 * ones. Also breaks blobs in the registry's storage for integrity tests.
 */
public final class RegistryImages {

    /** What the multi-layer image's second layer writes to /hello.txt. */
    public static final String HELLO = "hello from the second layer\n";
    /** What {@link #pushMultiPlatform} puts in /platform, per architecture: "amd64\n" or "arm64\n". */
    public static final String PLATFORM_FILE = "/platform";
    private static final Duration SKOPEO = Duration.ofMinutes(3);
    private static final List<String> SHELL = List.of("sh");

    private RegistryImages() {
    }

    /** busybox alone, as {@code name:tag}. */
    public static PushedImage pushBusybox(TestRegistry registry, String name, String tag) {
        return push(registry, name, tag, List.of(TestLayer.busybox()));
    }

    /**
     * busybox, then a layer adding /hello.txt ({@link #HELLO}), /goodbye.txt and /data/{a,b}, then a
     * layer deleting /goodbye.txt (a whiteout), making /data opaque and adding /data/c: in the container
     * /hello.txt is there, /goodbye.txt is not, and /data holds only c.
     */
    public static PushedImage pushMultiLayer(TestRegistry registry, String name, String tag) {
        TestLayer second = TestLayer.builder().file("hello.txt", HELLO).file("goodbye.txt", "goodbye\n")
                .directory("data").file("data/a", "a\n").file("data/b", "b\n").build();
        TestLayer third = TestLayer.builder().whiteout("goodbye.txt").directory("data").opaque("data")
                .file("data/c", "c\n").build();
        return push(registry, name, tag, List.of(TestLayer.busybox(), second, third));
    }

    /** busybox plus a layer with one file of {@code content}: an image whose top layer is its own. */
    public static PushedImage pushWithFile(TestRegistry registry, String name, String tag, String path, String content) {
        TestLayer marker = TestLayer.builder().file(path, content).build();
        return push(registry, name, tag, List.of(TestLayer.busybox(), marker));
    }

    /**
     * An image index with linux/amd64 and linux/arm64 images: the same busybox layer (an amd64 binary in
     * both: do not run the arm64 one) plus /platform saying "amd64\n" or "arm64\n".
     */
    public static PushedImage pushMultiPlatform(TestRegistry registry, String name, String tag) {
        TestLayer busybox = TestLayer.busybox();
        TestLayer amd64 = TestLayer.builder().file("platform", "amd64\n").build();
        TestLayer arm64 = TestLayer.builder().file("platform", "arm64\n").build();
        List<OciLayout.Image> images = List.of(
                new OciLayout.Image("linux", "amd64", List.of(busybox, amd64), SHELL),
                new OciLayout.Image("linux", "arm64", List.of(busybox, arm64), SHELL));
        Path dir = Tools.worldReadableTempDir("vaina-it-oci");
        try {
            new OciLayout(dir).writeIndex(tag, images);
            String digest = skopeoCopy(registry, dir, name, tag, true);
            return new PushedImage(registry.host(), name, tag, digest, List.of(busybox, amd64));
        } finally {
            Tools.deleteTree(dir);
        }
    }

    /**
     * busybox plus {@code count} layers of {@code mebibytes} MiB of pseudo-random data each, at
     * /big-N.bin: random data does not compress, so the download takes a measurable moment. The same
     * {@code seed} gives the same content; {@link #bigFileSha256} tells what a file must hash to.
     */
    public static PushedImage pushBig(TestRegistry registry, String name, String tag, int count, int mebibytes, long seed) {
        List<TestLayer> layers = new ArrayList<>();
        layers.add(TestLayer.busybox());
        for (int i = 1; i <= count; i++) {
            layers.add(TestLayer.builder().file("big-" + i + ".bin", bigFile(seed, i, mebibytes)).build());
        }
        return push(registry, name, tag, layers);
    }

    /** The sha256 (hex, as sha256sum prints it) of /big-{@code index}.bin in the image {@link #pushBig} made. */
    public static String bigFileSha256(long seed, int index, int mebibytes) {
        return TestLayer.sha256(bigFile(seed, index, mebibytes)).substring("sha256:".length());
    }

    private static byte[] bigFile(long seed, int index, int mebibytes) {
        byte[] data = new byte[mebibytes << 20];
        new Random(seed * 31 + index).nextBytes(data);
        return data;
    }

    /** One layer with a harmless file and then an entry named {@code ../escape}. */
    public static PushedImage pushDotDotEscape(TestRegistry registry, String name, String tag) {
        TestLayer hostile = TestLayer.builder().file("harmless.txt", "harmless\n").file("../escape", "escaped\n").build();
        return push(registry, name, tag, List.of(hostile));
    }

    /** One layer with {@code link -> /etc} and then a file {@code link/x}: writing it would escape. */
    public static PushedImage pushSymlinkEscape(TestRegistry registry, String name, String tag) {
        TestLayer hostile = TestLayer.builder().symlink("link", "/etc").file("link/x", "escaped\n").build();
        return push(registry, name, tag, List.of(hostile));
    }

    /** Pushes a single-platform image of {@code layers} (running {@code sh} by default). */
    public static PushedImage push(TestRegistry registry, String name, String tag, List<TestLayer> layers) {
        Path dir = Tools.worldReadableTempDir("vaina-it-oci");
        try {
            new OciLayout(dir).writeImage(tag, new OciLayout.Image("linux", "amd64", layers, SHELL));
            String digest = skopeoCopy(registry, dir, name, tag, false);
            return new PushedImage(registry.host(), name, tag, digest, layers);
        } finally {
            Tools.deleteTree(dir);
        }
    }

    /**
     * Pushes the image tagged {@code tag} in an OCI layout written elsewhere to {@code name:tag}, with
     * skopeo's own {@code options} (e.g. "--format", "v2s2"); {@code all} copies every image of an index.
     * Answers the pushed manifest's digest.
     */
    public static String pushLayout(TestRegistry registry, Path layout, String tag, String name, boolean all,
            String... options) {
        return skopeoCopy(registry, layout, name, tag, all, options);
    }

    private static String skopeoCopy(TestRegistry registry, Path layout, String name, String tag, boolean all,
            String... options) {
        Path digestFile = Tools.worldReadableTempDir("vaina-it-push").resolve("pushed.digest");
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--quiet"));
        if (all) {
            command.add("--all");
        }
        command.addAll(List.of(options));
        command.addAll(registry.skopeoDestinationOptions());
        command.add("--digestfile=" + digestFile);
        command.add("oci:" + layout + ":" + tag);
        command.add("docker://" + registry.reference(name, tag));
        try {
            Tools.run(SKOPEO, command).assertSuccess();
            return Files.readString(digestFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("skopeo wrote no digest file for " + registry.reference(name, tag), e);
        } finally {
            Tools.deleteTree(digestFile.getParent());
        }
    }

    /** Where the registry keeps the blob {@code digest}: {@code <root>/docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data}. */
    public static Path blobFile(TestRegistry registry, String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        Path data = registry.storage().resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
                .resolve("data");
        if (!Files.isRegularFile(data)) {
            throw new AssertionFailedError("the registry at " + registry.host() + " has no blob " + digest + " at " + data);
        }
        return data;
    }

    /** Flips bytes in the middle of the stored blob: same size, different content, so its digest no longer matches. */
    public static void corruptBlob(TestRegistry registry, String digest) {
        Path data = blobFile(registry, digest);
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
            long middle = file.length() / 2;
            for (long at = middle; at < Math.min(file.length(), middle + 16); at++) {
                file.seek(at);
                int b = file.read();
                file.seek(at);
                file.write(b ^ 0xff);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not corrupt " + data, e);
        }
    }

    /** Cuts the stored blob to half its size. */
    public static void truncateBlob(TestRegistry registry, String digest) {
        Path data = blobFile(registry, digest);
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        } catch (IOException e) {
            throw new UncheckedIOException("could not truncate " + data, e);
        }
    }
}
