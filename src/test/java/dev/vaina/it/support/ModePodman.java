package dev.vaina.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Podman 4.3.1 (Debian's), the reference vaina's verbs are checked against, run as a mode's user with the
 * same environment as a {@link VainaCli}, but with a private store, run root and configuration of its own
 * (nothing in /etc/containers is read or changed). Podman is a test dependency only; vaina never calls it.
 * Close it to remove its containers, stop its rootless pause process and delete its store.
 */
public final class ModePodman implements AutoCloseable {
    public static final String BUSYBOX = "localhost/busybox:latest";

    private final VainaCli as;
    private final Path dir;

    private ModePodman(VainaCli as, Path dir) {
        this.as = as;
        this.dir = dir;
    }

    /** A Podman for {@code as}'s user, with the busybox test image imported as {@link #BUSYBOX}. */
    public static ModePodman start(VainaCli as) {
        // Podman refuses a run root of more than 50 characters: a short path of its own, made by the user.
        Result made = as.exec(List.of("mktemp", "-d", "/tmp/vp.XXXXXX")).assertSuccess();
        Path dir = Path.of(made.stdout().strip());
        as.exec(List.of("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", config(dir), dir.resolve("containers.conf").toString()))
                .assertSuccess();
        ModePodman podman = new ModePodman(as, dir);
        podman.run("import", TestImages.busyboxTarball().toString(), BUSYBOX).assertSuccess();
        return podman;
    }

    /**
     * No rlimits above the host's hard limits, runc (crun refuses cgroup v1 hybrid hosts), no systemd as
     * PID 1 assumed, and netavark (no CNI plugins are installed) with its network definitions in the private
     * directory rather than /etc/containers/networks.
     */
    private static String config(Path dir) {
        return "[containers]\ndefault_ulimits = []\n[engine]\nruntime = \"runc\"\n"
                + "cgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n[network]\nnetwork_backend = \"netavark\"\n"
                + "network_config_dir = \"" + dir.resolve("networks") + "\"\n";
    }

    /** {@code podman ARGS...} against the private store. */
    public Result run(String... args) {
        return run(VainaCli.DEFAULT_TIMEOUT, args);
    }

    public Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "CONTAINERS_CONF=" + dir.resolve("containers.conf"),
                "podman", "--root", dir.resolve("root").toString(), "--runroot", dir.resolve("run").toString(),
                "--storage-driver", "vfs", "--tmpdir", dir.resolve("tmp").toString()));
        command.addAll(List.of(args));
        return as.exec(null, timeout, command);
    }

    @Override
    public void close() {
        run("rm", "-a", "-f", "-t", "0");
        if (as.mode() == Mode.ROOTLESS) {
            // Rootless, Podman leaves a pause process holding its user namespace; the one it started is ours to end.
            Path pauseFile = Path.of(as.environment().get("XDG_RUNTIME_DIR"), "libpod/tmp/pause.pid");
            as.exec(List.of("sh", "-c", "[ ! -f \"$1\" ] || kill \"$(cat \"$1\")\"", "sh", pauseFile.toString()));
        }
        try {
            // The tests run as root, who may delete the files of the user's subordinate ids too.
            dev.vaina.store.FileTrees.delete(dir);
        } catch (IOException e) {
            // A leftover temp directory does not change any result.
        }
    }
}
