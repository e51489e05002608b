package dev.vaina.it.registry;

import dev.vaina.it.support.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/** Runs the independent tools the fixtures use (openssl, htpasswd, skopeo, podman, curl) as the test JVM's user. */
public final class Tools {

    private Tools() {
    }

    /** Runs {@code command} to its end, at most {@code timeout}; never throws for a non-zero exit. */
    public static Result run(Duration timeout, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("vaina-it-tool-out", ".txt");
            err = Files.createTempFile("vaina-it-tool-err", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionFailedError("timed out after " + timeout.toSeconds() + "s: " + String.join(" ", command)
                        + "\n--- stderr so far ---\n" + Files.readString(err));
            }
            return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionFailedError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Like {@link #run} but fails the test, showing the whole result, unless the command succeeded. */
    public static Result runOrFail(Duration timeout, String... command) {
        return run(timeout, List.of(command)).assertSuccess();
    }

    /**
     * A fresh temporary directory every user may read and enter: the rootless test user's vaina reads
     * certificates and configuration from it.
     */
    public static Path worldReadableTempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new AssertionFailedError("could not create a temporary directory: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code content} to {@code file}, readable by every user; directories it has to create get
     * mode 0755, and existing ones are left as they are.
     */
    public static Path writeWorldReadable(Path file, String content) {
        try {
            List<Path> missing = new java.util.ArrayList<>();
            for (Path dir = file.toAbsolutePath().getParent(); dir != null && !Files.exists(dir); dir = dir.getParent()) {
                missing.add(0, dir);
            }
            for (Path dir : missing) {
                Files.createDirectory(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            return file;
        } catch (IOException e) {
            throw new AssertionFailedError("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes {@code dir} and everything below it; a leftover temp file changes no result. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(Tools::deleteQuietly);
        } catch (IOException ignored) {
            // Only temporary files are left behind.
        }
    }

    static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // A leftover temp file does not change any result.
            }
        }
    }
}
