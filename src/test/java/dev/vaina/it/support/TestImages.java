package dev.vaina.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Small root file systems for integration tests, made from the host's static busybox
 * (Debian's busybox-static) so that no registry or network is needed.
 */
public final class TestImages {

    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static Path busyboxTarball;

    private TestImages() {
    }

    /**
     * A tar archive of a busybox root file system, readable by every user (the rootless test user
     * imports it too): /bin/busybox, a link per applet in /bin, /etc/passwd with root and app
     * (uid 1000), /etc/group, /tmp (1777) and /home/app owned by app. Made once per test JVM.
     */
    public static synchronized Path busyboxTarball() {
        if (busyboxTarball == null) {
            try {
                Path dir = Files.createTempDirectory("vaina-it-images",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                Path tarball = dir.resolve("busybox.tar");
                deleteAtExit(dir, tarball);
                writeBusyboxTarball(tarball);
                Files.setPosixFilePermissions(tarball, PosixFilePermissions.fromString("rw-r--r--"));
                busyboxTarball = tarball;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the busybox test image from " + BUSYBOX, e);
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

    private static void writeBusyboxTarball(Path tarball) throws IOException {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new IOException(BUSYBOX + " is missing: apt-get install busybox-static");
        }
        try (OutputStream out = Files.newOutputStream(tarball);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String dir : List.of("bin/", "etc/", "dev/", "proc/", "sys/", "root/", "var/", "home/")) {
                directory(tar, dir, dir.equals("root/") ? 0700 : 0755, 0);
            }
            directory(tar, "tmp/", 01777, 0);
            directory(tar, "home/app/", 0755, 1000);

            TarArchiveEntry busybox = new TarArchiveEntry("bin/busybox");
            busybox.setMode(0100755);
            busybox.setSize(Files.size(BUSYBOX));
            tar.putArchiveEntry(busybox);
            Files.copy(BUSYBOX, tar);
            tar.closeArchiveEntry();

            for (String applet : applets()) {
                TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                link.setMode(0120777);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            file(tar, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"
                    + "nobody:x:65534:65534:nobody:/:/bin/false\n");
            file(tar, "etc/group", "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n");
            tar.finish();
        }
    }

    /** Every applet this busybox was built with, as its own --list prints them. */
    private static List<String> applets() throws IOException {
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
        String text = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (list.waitFor() != 0) {
                throw new IOException(BUSYBOX + " --list failed: " + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing busybox applets", e);
        }
        List<String> applets = new ArrayList<>();
        for (String line : text.split("\n")) {
            String applet = line.strip();
            if (!applet.isEmpty() && !applet.equals("busybox") && !applet.contains("/")) {
                applets.add(applet);
            }
        }
        return applets;
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode, int owner) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040000 | mode);
        entry.setUserId(owner);
        entry.setGroupId(owner);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0100644);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
