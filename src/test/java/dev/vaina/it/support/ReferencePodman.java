package dev.vaina.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Podman, the reference engine, with a private store and its own settings for this machine (runc,
 * cgroupfs, no rlimits above the host's), run as the test JVM's user: a test compares vaina's output
 * with it. vaina never calls Podman.
 */
public final class ReferencePodman implements AutoCloseable {
    private final Path store;

    private ReferencePodman(Path store) {
        this.store = store;
    }

    public static ReferencePodman start() throws IOException {
        // Podman refuses a runroot of more than 50 characters: a short path of its own.
        Path store = Files.createTempDirectory("vpod");
        Files.writeString(store.resolve("containers.conf"), "[containers]\ndefault_ulimits = []\n[engine]\n"
                + "runtime = \"runc\"\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n");
        return new ReferencePodman(store);
    }

    /** Runs podman; fails the test with its output when it fails. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("podman", "--root", store.resolve("root").toString(),
                "--runroot", store.resolve("run").toString(), "--storage-driver", "vfs"));
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile(store, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            builder.environment().put("CONTAINERS_CONF", store.resolve("containers.conf").toString());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Result result = new Result(command, process.waitFor(), out, Files.readString(err));
            if (!result.succeeded()) {
                throw new AssertionFailedError("podman, the reference this test compares with, failed: " + result.describe());
            }
            return result;
        } catch (IOException e) {
            throw new AssertionFailedError("podman is needed as the reference (apt-get install podman): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while running podman", e);
        }
    }

    @Override
    public void close() {
        try {
            run("rm", "-a", "-f", "-t", "0");
        } finally {
            try {
                dev.vaina.store.FileTrees.delete(store);
            } catch (IOException e) {
                // A temp directory left behind does not change any result.
            }
        }
    }
}
