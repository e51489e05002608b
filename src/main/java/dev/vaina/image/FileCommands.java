package dev.vaina.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few file-system calls that plain Java cannot make, done through coreutils. The image package may not
 * use the native {@code linux} package (DESIGN.md's package table), and these calls are rare (whiteouts,
 * device nodes, fifos, one syncfs per layer), so a short-lived process each is an acceptable cost.
 */
final class FileCommands {
    private FileCommands() {
    }

    /** mknod(2) of an overlayfs whiteout: a character device 0/0. Allowed unprivileged since Linux 5.8. */
    static void whiteout(Path path) throws IOException {
        run(List.of("mknod", path.toString(), "c", "0", "0"));
    }

    static void characterDevice(Path path, int major, int minor) throws IOException {
        run(List.of("mknod", path.toString(), "c", Integer.toString(major), Integer.toString(minor)));
    }

    static void blockDevice(Path path, int major, int minor) throws IOException {
        run(List.of("mknod", path.toString(), "b", Integer.toString(major), Integer.toString(minor)));
    }

    static void fifo(Path path) throws IOException {
        run(List.of("mknod", path.toString(), "p"));
    }

    /**
     * utimensat(2) by path without following a link. Java sets times through an open file descriptor, and
     * opening a fifo blocks while opening a device node may act on the device.
     */
    static void setModifiedTime(Path path, java.nio.file.attribute.FileTime time) throws IOException {
        java.time.Instant instant = time.toInstant();
        String stamp = "@" + instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
        run(List.of("touch", "--no-dereference", "--no-create", "--date=" + stamp, path.toString()));
    }

    /** syncfs(2) of the file system holding {@code path}, so a renamed-into-place layer has its data on disk. */
    static void syncFileSystem(Path path) throws IOException {
        run(List.of("sync", "--file-system", path.toString()));
    }

    private static void run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        if (code != 0) {
            throw new IOException("running " + String.join(" ", command) + " failed with exit code " + code
                    + (output.isEmpty() ? "" : ": " + output));
        }
    }
}
