package dev.vaina.image;

import dev.vaina.testsupport.BusyboxRootfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference engine with a private store (vfs driver, under a test's temp dir), to check our archives
 * against an independent implementation. Podman is a test dependency only; vaina never calls it.
 */
final class Podman {
    private Podman() {
    }

    /** Imports the busybox rootfs into a private Podman store as {@code name} and saves it in {@code format}. */
    static Path saveBusybox(Path podmanDir, String name, String format) throws IOException, InterruptedException {
        Files.createDirectories(podmanDir);
        Path rootfs = BusyboxRootfs.writeTar(podmanDir.resolve("rootfs"));
        run(podmanDir, "import", rootfs.toString(), name);
        Path archive = podmanDir.resolve("podman-" + format + ".tar");
        run(podmanDir, "save", "--format", format, "-o", archive.toString(), name);
        return archive;
    }

    /**
     * Podman's own settings for this machine, so the tests need nothing in /etc/containers: no rlimits above
     * the host's hard limits, runc (crun refuses cgroup v1 hybrid hosts), and no systemd as PID 1 assumed.
     */
    private static Path config(Path podmanDir) throws IOException {
        Files.createDirectories(podmanDir);
        Path config = podmanDir.resolve("containers.conf");
        if (!Files.exists(config)) {
            Files.writeString(config, "[containers]\ndefault_ulimits = []\n[engine]\nruntime = \"runc\"\n"
                    + "cgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n");
        }
        return config;
    }

    /** Runs podman against the private store; fails with its output when it fails. Returns its stdout. */
    static String run(Path podmanDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman", "--root", podmanDir.resolve("root").toString(),
                "--runroot", podmanDir.resolve("runroot").toString(), "--storage-driver", "vfs"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("podman-err", ".txt");
        try {
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
                builder.environment().put("CONTAINERS_CONF", config(podmanDir).toString());
                process = builder.start();
            } catch (IOException e) {
                throw new IOException("podman is needed to check archives against an independent implementation"
                        + " (apt-get install podman): " + e.getMessage(), e);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + ": " + out
                        + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
