package dev.vaina.monitor;

import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.SdNotify;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * --sdnotify=healthy: READY=1 once the container's first health check has passed. The check runs in its
 * own unit (started by the container's health check timer), and systemd takes a notification only from
 * the processes of the unit it is about (NotifyAccess=), so the check leaves a marker file and the monitor,
 * the unit's main process, sends READY=1 for it. A poll of one file, a few times a second, costs the
 * long-lived monitor one small thread and no native watch.
 */
final class ReadyWhenHealthy implements Runnable {
    private static final long POLL_MILLIS = 200;

    private final Path marker;

    private ReadyWhenHealthy(Path marker) {
        this.marker = marker;
    }

    static void start(Path marker) {
        Threads.start("ready-when-healthy", new ReadyWhenHealthy(marker));
    }

    @Override
    public void run() {
        try {
            while (!Files.exists(marker)) {
                Thread.sleep(POLL_MILLIS);
            }
            SdNotify.send("READY=1");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NativeCallException | RuntimeException e) {
            System.err.println("vaina monitor: cannot tell systemd that the container is healthy: " + e.getMessage());
        }
    }
}
