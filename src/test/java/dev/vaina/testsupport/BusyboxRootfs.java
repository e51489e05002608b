package dev.vaina.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal root file system made of the host's static busybox: /bin/busybox with a symlink per applet it was
 * built with (as its own {@code --list} prints them), /etc/passwd
 * and /etc/group with root and {@code app} (uid/gid 1000), a 1777 /tmp, /home/app owned by app. Tests make
 * their images from it: {@link #writeTar} for a tarball to import, {@link #populate} for a directory; the
 * integration tests' image ({@code dev.vaina.it.support.TestImages}) is this tarball too.
 */
public final class BusyboxRootfs {
    public static final Path BUSYBOX = Path.of("/bin/busybox");
    public static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\n"
            + "app:x:1000:1000:app:/home/app:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
    public static final String GROUP = "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n";
    public static final String TAR_NAME = "busybox-rootfs.tar";
    private static List<String> applets;

    private BusyboxRootfs() {
    }

    /** The rootfs as tar entries; files are owned by root except /home/app. Same bytes on every call. */
    public static TarBuilder tar() {
        requireBusybox();
        TarBuilder tar = new TarBuilder()
                .dir("./", 0755)
                .dir("bin", 0755)
                .file("bin/busybox", BUSYBOX, 0755);
        for (String applet : applets()) {
            tar.symlink("bin/" + applet, "busybox");
        }
        return tar
                .dir("etc", 0755)
                .file("etc/passwd", PASSWD, 0644)
                .file("etc/group", GROUP, 0644)
                .dir("tmp", 01777)
                .dir("root", 0700)
                .dir("home", 0755)
                .dir("home/app", 0755, 1000, 1000)
                .dir("dev", 0755)
                .dir("proc", 0755)
                .dir("sys", 0755)
                .dir("var", 0755);
    }

    /** Writes {@code dir/busybox-rootfs.tar} and returns its path. */
    public static Path writeTar(Path dir) throws IOException {
        Files.createDirectories(dir);
        return tar().write(dir.resolve(TAR_NAME));
    }

    /** Writes the same tree into {@code rootfs} (owners are left to whoever runs this). */
    public static void populate(Path rootfs) throws IOException {
        requireBusybox();
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        Files.setAttribute(bin.resolve("busybox"), "unix:mode", 0755);
        for (String applet : applets()) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), PASSWD, StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), GROUP, StandardCharsets.UTF_8);
        for (String dir : List.of("tmp", "root", "home/app", "dev", "proc", "sys", "var")) {
            Files.createDirectories(rootfs.resolve(dir));
        }
        Files.setAttribute(rootfs.resolve("tmp"), "unix:mode", 01777);
        Files.setAttribute(rootfs.resolve("root"), "unix:mode", 0700);
    }

    /**
     * Every applet this busybox was built with, as its own {@code --list} prints them: integration tests run
     * whatever a shell script needs (sha256sum, mkdir, ...), not a list kept here. Asked once per JVM.
     */
    public static synchronized List<String> applets() {
        if (applets == null) {
            requireBusybox();
            try {
                Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
                String text = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (list.waitFor() != 0) {
                    throw new IllegalStateException(BUSYBOX + " --list failed: " + text);
                }
                List<String> names = new ArrayList<>();
                for (String line : text.split("\n")) {
                    String applet = line.strip();
                    if (!applet.isEmpty() && !applet.equals("busybox") && !applet.contains("/")) {
                        names.add(applet);
                    }
                }
                applets = List.copyOf(names);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the applets of " + BUSYBOX, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while listing the applets of " + BUSYBOX, e);
            }
        }
        return applets;
    }

    private static void requireBusybox() {
        if (!Files.isRegularFile(BUSYBOX)) {
            throw new IllegalStateException(BUSYBOX + " is missing: install busybox-static (Debian) to make test images");
        }
    }
}
