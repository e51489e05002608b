package dev.vaina.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal root file system made of the host's static busybox: /bin/busybox with applet symlinks, /etc/passwd
 * and /etc/group with root and {@code app} (uid/gid 1000), a 1777 /tmp, /home/app owned by app. Tests make
 * their images from it: {@link #writeTar} for a tarball to import, {@link #populate} for a directory.
 */
public final class BusyboxRootfs {
    public static final Path BUSYBOX = Path.of("/bin/busybox");
    public static final List<String> APPLETS = List.of("sh", "echo", "true", "false", "cat", "ls", "id", "sleep",
            "env", "pwd", "top", "wc");
    public static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\n"
            + "app:x:1000:1000:app:/home/app:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
    public static final String GROUP = "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n";
    public static final String TAR_NAME = "busybox-rootfs.tar";

    private BusyboxRootfs() {
    }

    /** The rootfs as tar entries; files are owned by root except /home/app. Same bytes on every call. */
    public static TarBuilder tar() {
        requireBusybox();
        TarBuilder tar = new TarBuilder()
                .dir("./", 0755)
                .dir("bin", 0755)
                .file("bin/busybox", BUSYBOX, 0755);
        for (String applet : APPLETS) {
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
                .dir("sys", 0755);
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
        for (String applet : APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), PASSWD, StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), GROUP, StandardCharsets.UTF_8);
        for (String dir : List.of("tmp", "root", "home/app", "dev", "proc", "sys")) {
            Files.createDirectories(rootfs.resolve(dir));
        }
        Files.setAttribute(rootfs.resolve("tmp"), "unix:mode", 01777);
        Files.setAttribute(rootfs.resolve("root"), "unix:mode", 0700);
    }

    private static void requireBusybox() {
        if (!Files.isRegularFile(BUSYBOX)) {
            throw new IllegalStateException(BUSYBOX + " is missing: install busybox-static (Debian) to make test images");
        }
    }
}
