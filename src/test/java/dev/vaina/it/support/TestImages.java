package dev.vaina.it.support;

import dev.vaina.testsupport.BusyboxRootfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Small root file systems for integration tests, made from the host's static busybox
 * (Debian's busybox-static) so that no registry or network is needed.
 */
public final class TestImages {

    private static Path busyboxTarball;

    private TestImages() {
    }

    /**
     * {@link BusyboxRootfs}'s tar archive, readable by every user (the rootless test user imports it too).
     * Made once per test JVM.
     */
    public static synchronized Path busyboxTarball() {
        if (busyboxTarball == null) {
            try {
                Path dir = Files.createTempDirectory("vaina-it-images",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                Path tarball = dir.resolve("busybox.tar");
                deleteAtExit(dir, tarball);
                BusyboxRootfs.tar().write(tarball);
                Files.setPosixFilePermissions(tarball, PosixFilePermissions.fromString("rw-r--r--"));
                busyboxTarball = tarball;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the busybox test image from " + BusyboxRootfs.BUSYBOX, e);
            }
        }
        return busyboxTarball;
    }

    private static void deleteAtExit(Path dir, Path tarball) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(tarball);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // Only a temp file is left behind.
            }
        }));
    }
}
