package dev.vaina.it.registry;

import dev.vaina.it.support.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference engine (Debian's Podman 4.3.1) with its own throw-away storage (vfs) and its own
 * containers.conf, so the machine's images and settings are never touched and nothing in /etc/containers is
 * needed. Podman is a test dependency only: vaina never calls it.
 */
public final class Podman implements AutoCloseable {
    private static final Duration TOOL = Duration.ofMinutes(3);
    private final Path dir = Tools.worldReadableTempDir("vaina-it-podman");
    private final Path containersConf;
    private final Path registriesConf;

    /** Podman with the registries.conf files of this machine. */
    public Podman() {
        this(null);
    }

    /** Podman reading {@code registriesConf} alone (CONTAINERS_REGISTRIES_CONF), or the machine's when null. */
    public Podman(Path registriesConf) {
        this.registriesConf = registriesConf;
        // No rlimits above the host's hard limits, runc (crun refuses cgroup v1 hybrid hosts), no systemd as PID 1,
        // and no network, which no comparison involves.
        this.containersConf = Tools.writeWorldReadable(dir.resolve("containers.conf"),
                "[containers]\nnetns = \"none\"\ndefault_ulimits = []\n[engine]\nruntime = \"runc\"\ncgroup_manager = \"cgroupfs\"\n"
                        + "events_logger = \"none\"\n");
    }

    /** {@code podman ARGS...}; fails the test unless it succeeds. */
    public Result run(String... args) {
        return runAllowingFailure(args).assertSuccess();
    }

    /** {@code podman ARGS...}; the result whatever the exit code. */
    public Result runAllowingFailure(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "CONTAINERS_CONF=" + containersConf));
        if (registriesConf != null) {
            command.add("CONTAINERS_REGISTRIES_CONF=" + registriesConf);
        }
        command.addAll(List.of("podman", "--root", dir.resolve("root").toString(), "--runroot",
                dir.resolve("run").toString(), "--storage-driver", "vfs", "--events-backend", "none"));
        command.addAll(List.of(args));
        return Tools.run(TOOL, command);
    }

    @Override
    public void close() {
        runAllowingFailure("rm", "-a", "-f", "-t", "0");
        runAllowingFailure("rmi", "-a", "-f");
        Tools.deleteTree(dir);
    }
}
