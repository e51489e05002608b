package dev.vaina.net;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The namespaces a rootless user's named networks live in. A network namespace belongs to the user namespace
 * it was made in, and a veth between two namespaces, like a pod member's join, needs capabilities in the user
 * namespaces of both; so one holder per user (per run root) owns a user, network and mount namespace:
 * {@code catatonit -P} started by {@code unshare} as the main process of {@link #UNIT} in the user's manager.
 * Its network namespace holds the bridges, netavark's firewall rules and aardvark-dns, and reaches the host
 * through pasta; the containers on named networks run in its user namespace, with network namespaces of their
 * own bound to files in its mount namespace (only a mount namespace owned by that user namespace may bind them).
 *
 * <p>Nothing here outlives the holder: its namespaces go with its last process, and systemd stops the
 * containers bound to its unit with it. What stays on disk (the PID file, netavark's state, the namespace
 * files) is removed by {@link #down}, the unit's ExecStopPost, and, should that have been skipped, again by
 * {@link #up} before the next holder starts.
 */
public final class RootlessNetns {
    /** The holder's unit in the user's manager; containers on named networks are bound to it. */
    public static final String UNIT = dev.vaina.spec.NetworkUnits.HOLDER;
    private static final String HOLDER = "catatonit";
    /** Why -p with a named network is refused rootless: the holder's pasta forwards no port. */
    public static final String PORTS_REFUSED = "published ports are not available to rootless containers on named"
            + " networks: publish them from a container on the default network, pasta or slirp4netns";
    private static final long READY_TIMEOUT_MILLIS = 10_000;

    private final Path runRoot;

    /** @param runRoot the store's run root, under which the holder's state lives */
    public RootlessNetns(Path runRoot) {
        this.runRoot = runRoot;
    }

    /** What the holder's unit runs: a user, network and mount namespace held by catatonit. */
    public static List<String> holderCommand() {
        // slave: mounts the host makes later (a new store, a new layer) still appear inside.
        return List.of("/usr/bin/unshare", "--user", "--map-users=auto", "--map-groups=auto", "--map-root-user",
                "--net", "--mount", "--propagation", "slave", "--", "/usr/bin/" + HOLDER, "-P");
    }

    /** The holder's PID, when it runs. */
    public Optional<Long> holder() throws IOException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile()).strip());
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        }
        return isHolder(pid) ? Optional.of(pid) : Optional.empty();
    }

    /** The holder's PID, or an error that says what to do when it does not run. */
    public long requireHolder() throws IOException {
        return holder().orElseThrow(() -> new IOException("the namespace holder of rootless named networks ("
                + UNIT + ") is not running: start the container with vaina start, which starts it"));
    }

    /**
     * The holder's ExecStartPost: waits until {@code pid} is the holder (unshare has made the namespaces and
     * exec'd), clears what an earlier holder left, makes the namespace files' folder a shared mount inside it,
     * connects it to the host with pasta (which stays in the unit, a process of its own), and records its PID.
     */
    public void up(long pid) throws IOException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (!isHolder(pid)) {
            if (!ProcessHandle.of(pid).isPresent() || System.currentTimeMillis() > deadline) {
                throw new IOException("the namespace holder (PID " + pid + ") did not start: is uidmap installed and"
                        + " does the user have subordinate ids in /etc/subuid and /etc/subgid?");
            }
            sleep(10);
        }
        down();
        Files.createDirectories(netnsDir());
        Files.createDirectories(runRoot.resolve("networks"));
        // A shared mount point of its own, as NetnsFiles makes it rootful, but in the holder's mount namespace.
        NetnsFiles.run(withPrefix(enter(pid, false, true), "mount", "--bind", netnsDir().toString(),
                netnsDir().toString()));
        NetnsFiles.run(withPrefix(enter(pid, false, true), "mount", "--make-shared", netnsDir().toString()));
        startPasta(pid);
        Files.writeString(pidFile(), pid + "\n");
    }

    /** The holder's ExecStopPost, and the start of {@link #up}: what a holder leaves on disk goes. */
    public void down() throws IOException {
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(runRoot.resolve("networks").resolve("pasta.pid"));
        Files.deleteIfExists(runRoot.resolve("networks").resolve("pasta.log"));
        deleteTree(Netavark.configDir(runRoot));
        if (Files.isDirectory(netnsDir())) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(netnsDir())) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * The command prefix that runs a program inside the holder's namespaces: its user namespace always,
     * its network namespace for netavark and aardvark-dns, its mount namespace where namespace files are.
     */
    public static List<String> enter(long pid, boolean net, boolean mount) {
        List<String> prefix = new ArrayList<>(List.of("/usr/bin/nsenter", "--preserve-credentials", "--user"));
        if (net) {
            prefix.add("--net");
        }
        if (mount) {
            prefix.add("--mount");
        }
        prefix.addAll(List.of("-t", Long.toString(pid), "--"));
        return prefix;
    }

    private Path pidFile() {
        return runRoot.resolve("networks").resolve("holder.pid");
    }

    /** Where containers' network namespace files are bound (inside the holder's mount namespace). */
    public Path netnsDir() {
        return runRoot.resolve("netns");
    }

    private static boolean isHolder(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip().equals(HOLDER);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * pasta copies the host's addresses and routes into the holder's network namespace and maps its gateway to
     * the host; no port is forwarded. Its first process exits once it is configured; the one it forks stays
     * in the unit. Its output goes to a file: the forked one would keep a pipe open.
     */
    private void startPasta(long pid) throws IOException {
        Path log = runRoot.resolve("networks").resolve("pasta.log");
        List<String> command = List.of("pasta", "--config-net", "--quiet", "-t", "none", "-u", "none", "-T", "none",
                "-U", "none", "--pid", runRoot.resolve("networks").resolve("pasta.pid").toString(), Long.toString(pid));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("pasta could not connect the holder's network namespace to the host: "
                        + Files.readString(log).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting pasta", e);
        }
    }

    private static List<String> withPrefix(List<String> prefix, String... command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(command));
        return all;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
