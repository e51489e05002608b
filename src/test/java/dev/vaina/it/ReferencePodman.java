package dev.vaina.it;

import dev.vaina.it.registry.Tools;
import dev.vaina.it.support.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference engine, Podman, with a throw-away store and its own settings, run as the test JVM's user, so
 * that a test can run the same command on vaina and on Podman and compare what they print. The settings are
 * those this machine needs (no rlimits above the hard limits, runc, cgroupfs) plus no network, which the
 * compared output does not involve.
 */
final class ReferencePodman implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    // Podman refuses a runroot of more than 50 characters: a short temporary path of its own.
    private final Path dir;
    private final Path config;

    ReferencePodman() {
        try {
            dir = Files.createTempDirectory("vp");
            config = Files.writeString(dir.resolve("containers.conf"), """
                    [containers]
                    netns = "none"
                    default_ulimits = []
                    [engine]
                    runtime = "runc"
                    cgroup_manager = "cgroupfs"
                    events_logger = "file"
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a store for podman", e);
        }
    }

    /** {@code podman ARGS...}; the result whatever the exit code. */
    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "CONTAINERS_CONF=" + config, "podman",
                "--root", dir.resolve("root").toString(), "--runroot", dir.resolve("run").toString(),
                "--storage-driver", "vfs", "--events-backend", "none"));
        command.addAll(List.of(args));
        return Tools.run(TIMEOUT, command);
    }

    @Override
    public void close() {
        run("rm", "-a", "-f", "-t", "0");
        run("rmi", "-a", "-f");
        Tools.deleteTree(dir);
    }
}
