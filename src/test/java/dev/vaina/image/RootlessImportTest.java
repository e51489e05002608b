package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports as the non-root user vainatest in a JVM of its own (runuser), then checks what landed on disk and
 * mounts the layers the way a rootless launcher will: overlay with userxattr inside a user namespace.
 */
class RootlessImportTest {
    private static final String USER = "vainatest";
    private Path work;
    private int uid;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createTempDirectory(Path.of("/tmp"), "vaina-rootless-");
        Files.setAttribute(work, "unix:mode", 0755); // vainatest must reach the class path and tarballs
        uid = Integer.parseInt(run(List.of("id", "-u", USER)).strip());
    }

    @AfterEach
    void tearDown() throws IOException {
        dev.vaina.store.FileTrees.delete(work);
    }

    @Test
    void importAsNonRootUser_filesOwnedByTheUser_andOverlayWorksInAUserNamespace() throws Exception {
        String classpath = copyClasspath(work.resolve("cp"));
        Path busybox = BusyboxRootfs.writeTar(work);
        Path lower = OverlayLayers.lower().write(work.resolve("lower.tar"));
        Path upper = OverlayLayers.upper().write(work.resolve("upper.tar"));
        Path dataRoot = Files.createDirectory(work.resolve("store"));
        run(List.of("chown", USER + ":", dataRoot.toString()));

        String output = run(List.of("runuser", "-u", USER, "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "dev.vaina.testsupport.ImportMain", dataRoot.toString(), "rootless",
                "busybox=" + busybox, "lower=" + lower, "upper=" + upper));

        List<String> layers = output.lines().filter(l -> l.startsWith("IMAGE ")).map(l -> l.split(" ")[2]).toList();
        assertEquals(3, layers.size(), output);
        StoreLayout layout = new StoreLayout(dataRoot, dataRoot.resolve("run"), true);
        Path rootfs = layout.layer(layers.get(0));
        assertArrayEquals(Files.readAllBytes(BusyboxRootfs.BUSYBOX), Files.readAllBytes(rootfs.resolve("bin/busybox")));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(rootfs.resolve("bin/sh")));
        assertEquals(01777, LayerExtractorTest.mode(rootfs.resolve("tmp")));
        List<Path> notOurs = new ArrayList<>();
        try (Stream<Path> all = Files.walk(rootfs)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if ((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
                    notOurs.add(path);
                }
            }
        }
        assertEquals(List.of(), notOurs, "rootless: every entry belongs to the user, home/app's uid 1000 included");
        assertEquals(List.of(), StoreAssertions.children(layout.tmp()));

        Path upperLayer = layout.layer(layers.get(2));
        assertEquals(0020000, LayerExtractorTest.fileType(upperLayer.resolve("doomed")));
        assertEquals(0L, Files.getAttribute(upperLayer.resolve("doomed"), "unix:rdev"));
        assertEquals("y", WhiteoutTest.opaqueXattr(upperLayer.resolve("d")));

        Path mountPoint = Files.createDirectory(work.resolve("merged"));
        run(List.of("chown", USER + ":", mountPoint.toString()));
        String merged = OverlayLayers.mergedListing(List.of("runuser", "-u", USER, "--", "unshare", "--user",
                "--map-root-user", "--mount"), List.of(upperLayer, layout.layer(layers.get(1))), mountPoint);
        assertEquals(OverlayLayers.EXPECTED_MERGED, merged);
    }

    /** The test class path, copied where vainatest can read it (root's Maven repository is private). */
    private static String copyClasspath(Path target) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(":")) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path copy = target.resolve(Integer.toString(n++)).resolve(source.getFileName());
            copyTree(source, copy);
            entries.add(copy.toString());
        }
        assertTrue(entries.size() > 2, "class path: " + System.getProperty("java.class.path"));
        return String.join(":", entries);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(copy);
                Files.setAttribute(copy, "unix:mode", 0755);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = source.equals(file) ? target : target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.setAttribute(copy.getParent(), "unix:mode", 0755);
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setAttribute(copy, "unix:mode", 0644);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
