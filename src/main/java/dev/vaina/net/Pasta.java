package dev.vaina.net;

import dev.vaina.linux.ExitStatus;
import dev.vaina.linux.Mounts;
import dev.vaina.linux.Processes;
import dev.vaina.linux.Signalling;
import dev.vaina.linux.Spawn;
import dev.vaina.spec.PortMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pasta (Debian's passt package): copies the host's addresses and routes into the namespace and forwards
 * published ports at layer 4, keeping client addresses. It forks into the background once it is ready
 * and writes its PID file; stopping it is a SIGTERM.
 *
 * <p>The namespace is handed over as a bind-mounted file: run from inside a user namespace (rootless), this pasta
 * build cannot open {@code /proc/PID/ns/net} ("Couldn't open network namespace") because it drops its
 * capabilities before joining, but it opens a file bound to that namespace (checked on this machine).
 */
final class Pasta implements NetworkDriver {
    static final String NAME = "pasta";
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Path stateDir;

    Pasta(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public Connection connect(Path netns, List<PortMapping> ports) throws IOException {
        Path pidFile = stateDir.resolve("pasta.pid");
        Path log = stateDir.resolve("pasta.log");
        Files.deleteIfExists(pidFile);
        // In the monitor's own mount namespace: the mount goes away with the monitor whatever happens.
        Path netnsFile = stateDir.resolve("pasta.netns");
        if (!Files.exists(netnsFile)) {
            Files.createFile(netnsFile);
        }
        Mounts.bind(netns, netnsFile);
        Files.write(log, new byte[0]);
        // Spawned natively: the monitor, which runs it, then loads none of java.lang.Process's classes.
        int started = Spawn.spawnLoggingTo(command(netnsFile, ports, pidFile), log);
        ExitStatus status;
        try {
            // Its first process exits once the namespace is configured and the ports are bound.
            status = Processes.waitFor(started, START_TIMEOUT_SECONDS * 1000);
            if (status == null) {
                Signalling.kill(started, Signalling.SIGKILL);
                Processes.waitFor(started);
                throw new IOException("pasta did not finish starting within " + START_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting pasta", e);
        }
        if (status.code() != 0) {
            throw new IOException("pasta failed (exit code " + status.code() + "): " + lastLine(log));
        }
        long pid = readPid(pidFile);
        return new Stopper(pid);
    }

    List<String> command(Path netns, List<PortMapping> ports, Path pidFile) {
        List<String> command = new ArrayList<>(List.of("pasta", "--config-net", "--quiet", "--pid", pidFile.toString()));
        // Every forwarding kind defaults to "auto" (all ports seen bound): ask for exactly what was published.
        command.addAll(forwards("-t", ports, PortMapping.TCP));
        command.addAll(forwards("-u", ports, PortMapping.UDP));
        // --runas 0: as root pasta would otherwise switch to nobody before opening the namespace's file,
        // which lies in a directory only root may enter (rootless, "root" is the user namespace's root).
        command.addAll(List.of("-T", "none", "-U", "none", "--runas", "0", "--netns", netns.toString()));
        return command;
    }

    private static List<String> forwards(String option, List<PortMapping> ports, String protocol) {
        List<String> args = new ArrayList<>();
        for (PortMapping port : ports) {
            if (port.protocol().equals(protocol)) {
                String address = port.hostIp().isEmpty() ? "" : port.hostIp() + "/";
                args.add(option);
                args.add(address + span(port.hostPort(), port.range()) + ":" + span(port.containerPort(), port.range()));
            }
        }
        if (args.isEmpty()) {
            args.add(option);
            args.add("none");
        }
        return args;
    }

    private static String span(int first, int range) {
        return range == 1 ? Integer.toString(first) : first + "-" + (first + range - 1);
    }

    private static long readPid(Path pidFile) throws IOException {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (NoSuchFileException | NumberFormatException e) {
            throw new IOException("pasta started but left no PID in " + pidFile);
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank() && !lines.get(i).contains("syslog")) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            // No log: the exit code is all there is.
        }
        return "no message";
    }

    private static final class Stopper implements Connection {
        private final long pid;
        private boolean stopped;

        Stopper(long pid) {
            this.pid = pid;
        }

        @Override
        public synchronized void close() {
            if (!stopped) {
                stopped = true;
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
    }
}
