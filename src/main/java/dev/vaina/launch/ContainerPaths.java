package dev.vaina.launch;

import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of one container that the launcher, the monitor and the cleanup share. */
public record ContainerPaths(StoreLayout layout, String id) {
    /** The runtime's pid file, in the run directory. */
    public static final String PID = "pid";
    /** The paused mark (see {@link #pausedMarker}), in the run directory. */
    public static final String PAUSED = "paused";

    public Path dataDir() {
        return layout.container(id);
    }

    public Path upper() {
        return layout.containerUpper(id);
    }

    public Path work() {
        return dataDir().resolve("work");
    }

    public Path log() {
        return dataDir().resolve("ctr.log");
    }

    public Path runDir() {
        return layout.containerRun(id);
    }

    public Path bundle() {
        return runDir().resolve("bundle");
    }

    public Path rootfs() {
        return runDir().resolve("rootfs");
    }

    public Path exitFile() {
        return runDir().resolve("exit");
    }

    /** The OCI runtime this run was started with, so the cleanup deletes with the same one. */
    public Path runtimeFile() {
        return runDir().resolve("runtime");
    }

    public Path pidFile() {
        return runDir().resolve(PID);
    }

    /** Written once the container's first health check has passed, for a monitor that waits to send READY=1. */
    public Path healthyMarker() {
        return runDir().resolve("healthy");
    }

    /**
     * Made before the container's processes are frozen and removed once they are thawed (dev.vaina.engine.Pausing):
     * only a container that has it may be paused, so that listing running containers reads no freezer of theirs.
     */
    public Path pausedMarker() {
        return runDir().resolve(PAUSED);
    }

    /** Written by a monitor that handed its container over to systemd and exited (see {@link HandOver}). */
    public Path handOverFile() {
        return runDir().resolve("handed-over");
    }

    public Path errorFile() {
        return runDir().resolve("error");
    }

    /**
     * --sdnotify=container: the monitor's socket, whose directory is mounted into the container, where it is
     * $NOTIFY_SOCKET. As the attach socket, under a short path: a socket's path must fit in 108 bytes.
     */
    public Path notifySocket() {
        return layout.runRoot().resolve("notify").resolve(shortId()).resolve("notify.sock");
    }

    /**
     * Under a short path of its own, named by the short id: a socket's path must fit in 108 bytes, and runDir()
     * may not; with the short id a run root (--runroot) of up to 80 bytes leaves room for it and its siblings.
     */
    public Path attachSocket() {
        return layout.runRoot().resolve("attach").resolve(shortId());
    }

    private String shortId() {
        return id.substring(0, Math.min(12, id.length()));
    }

    /**
     * Written by a client that starts the container and attaches (a foreground run, start -a) before the start:
     * the monitor then starts the container only once a client has connected (see monitor.AttachServer).
     */
    public Path attachAnnouncement() {
        return attachAnnouncement(attachSocket());
    }

    /** The announcement beside an attach socket: the monitor knows only the socket's path. */
    public static Path attachAnnouncement(Path attachSocket) {
        return attachSocket.resolveSibling(attachSocket.getFileName() + ".expected");
    }

    void createDirectories() throws IOException {
        Files.createDirectories(upper());
        Files.createDirectories(work());
        Files.createDirectories(bundle());
        Files.createDirectories(rootfs());
        Files.createDirectories(layout.runtimeRoot());
    }

    void clearLastRun() throws IOException {
        Files.deleteIfExists(exitFile());
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(errorFile());
        Files.deleteIfExists(handOverFile());
        Files.deleteIfExists(healthyMarker());
        Files.deleteIfExists(pausedMarker());
        Files.deleteIfExists(runtimeFile());
        Files.deleteIfExists(attachSocket());
    }
}
