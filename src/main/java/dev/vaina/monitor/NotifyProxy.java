package dev.vaina.monitor;

import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.SdNotify;
import dev.vaina.linux.UnixDatagramSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * --sdnotify=container: the container's workload sends READY=1 (and STATUS=, ...) to a socket of the monitor's,
 * mounted into the container as $NOTIFY_SOCKET, and the monitor passes each message on to systemd. systemd
 * takes a notification only from a process of the unit's own cgroup, which the container's processes leave
 * where the runtime gives them cgroups of their own (rootful on cgroup v1); the monitor, the unit's main
 * process, never does. A MAINPID= of the container's is dropped: the monitor stays the unit's main process.
 */
final class NotifyProxy implements Runnable {
    private static final int RECEIVE_MILLIS = 1000;

    private final UnixDatagramSocket socket;

    private NotifyProxy(UnixDatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds the socket (before the runtime mounts it into the container) and passes messages on from then. */
    static void start(Path path) throws IOException {
        Files.deleteIfExists(path);
        Files.createDirectories(path.getParent());
        UnixDatagramSocket socket = UnixDatagramSocket.bind(path.toString());
        // Whoever the container runs as may write to it.
        Files.setAttribute(path, "unix:mode", 0777);
        Threads.start("notify-proxy", new NotifyProxy(socket));
    }

    @Override
    public void run() {
        try {
            while (true) {
                String message = socket.receive(RECEIVE_MILLIS);
                if (message == null) {
                    continue;
                }
                String kept = message.lines().filter(line -> !line.startsWith("MAINPID="))
                        .collect(Collectors.joining("\n"));
                if (!kept.isEmpty()) {
                    SdNotify.send(kept);
                }
            }
        } catch (NativeCallException | RuntimeException e) {
            System.err.println("vaina monitor: cannot pass the container's notifications on to systemd: " + e.getMessage());
        }
    }
}
