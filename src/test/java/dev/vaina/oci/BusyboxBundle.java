package dev.vaina.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** An OCI bundle whose rootfs is Debian's static busybox and a few applet links. */
final class BusyboxBundle implements AutoCloseable {
    private static final List<String> APPLETS = List.of("sh", "echo", "id", "cat", "ls", "sleep", "touch", "pwd", "env", "grep", "wc");

    final Path dir;
    final Path rootfs;

    private BusyboxBundle(Path dir) {
        this.dir = dir;
        this.rootfs = dir.resolve("rootfs");
    }

    /** Made under /tmp with mode 0755 so that another user can be given it. */
    static BusyboxBundle create() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "vaina-oci-bundle-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        BusyboxBundle bundle = new BusyboxBundle(dir);
        Path bin = Files.createDirectories(bundle.rootfs.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        for (String empty : List.of("proc", "sys", "dev", "etc", "tmp")) {
            Files.createDirectories(bundle.rootfs.resolve(empty));
        }
        return bundle;
    }

    void writeEtc(String name, String content) throws IOException {
        Files.writeString(rootfs.resolve("etc").resolve(name), content);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
