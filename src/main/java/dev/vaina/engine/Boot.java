package dev.vaina.engine;

import dev.vaina.spec.RestartPolicy;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a boot (or the start of a user's manager) needs, run by the units in the top-level units/ folder:
 * {@link #reconcile} repairs what a crash or a reboot left behind, {@link #restore} starts the containers
 * whose restart policy says they should be running again. A container's unit lives in the runtime
 * directory, which a reboot empties; so without this a --restart=always container would stay down, as
 * under Podman without podman-restart.service.
 */
public final class Boot {
    /** Left by a stop that the user asked for, removed at the next start: unless-stopped then stays down. */
    private static final String STOPPED_MARKER = "stopped-by-user";

    private final Engine engine;

    Boot(Engine engine) {
        this.engine = engine;
    }

    /**
     * Marks the container stopped by the user, before its stop signal; {@link #markStoppedDurably} once that is
     * sent. The mark is empty: made at once, it is whole or absent.
     */
    static void markStopped(StoreLayout layout, ContainerRecord record) throws IOException {
        Path marker = layout.container(record.id()).resolve(STOPPED_MARKER);
        if (Files.isDirectory(marker.getParent())) {
            try {
                Files.createFile(marker);
            } catch (FileAlreadyExistsException e) {
                // An earlier stop, or one beside this one, made it.
            }
        }
    }

    /**
     * The mark's directory synced, so that the mark outlives a crash: it only counts at the next boot, so this
     * comes after the stop signal, not before it (some milliseconds of `stop` on the way to the signal).
     */
    static void markStoppedDurably(StoreLayout layout, ContainerRecord record) throws IOException {
        Path directory = layout.container(record.id());
        if (Files.isDirectory(directory)) {
            AtomicFiles.syncDirectory(directory);
        }
    }

    static void clearStopped(StoreLayout layout, ContainerRecord record) throws IOException {
        Files.deleteIfExists(layout.container(record.id()).resolve(STOPPED_MARKER));
    }

    /**
     * Finishes what a crash left half done: records and names half-written, and containers recorded as
     * running whose monitor is gone (their cleanup runs now: unmount, network teardown, exit recorded).
     * Returns the names of the containers it cleaned up after.
     */
    public List<String> reconcile() throws IOException {
        engine.store().repair();
        List<String> repaired = new ArrayList<>();
        for (ContainerRecord record : engine.store().list()) {
            boolean wasRunning = engine.store().state(record.id()).isRunning();
            ContainerState state = Liveness.reconcile(engine.store(), record);
            if (wasRunning && !state.isRunning()) {
                repaired.add(record.name());
            }
        }
        return repaired;
    }

    /**
     * Starts every container made with --restart=always, and every unless-stopped one that the user did not
     * stop, that is not running. Infra containers come up with their pod's members. Returns the records it
     * started; one that fails to start is reported through {@code failed} and does not stop the others.
     */
    public List<ContainerRecord> restore(java.util.function.BiConsumer<ContainerRecord, Exception> failed)
            throws IOException {
        List<ContainerRecord> started = new ArrayList<>();
        for (ContainerRecord record : engine.store().list()) {
            if (record.infra() || !restartsAtBoot(record)) {
                continue;
            }
            try {
                Liveness.reconcile(engine.store(), record);
                if (engine.containers().start(record)) {
                    started.add(record);
                }
            } catch (IOException | RuntimeException e) {
                failed.accept(record, e);
            }
        }
        return started;
    }

    private boolean restartsAtBoot(ContainerRecord record) {
        RestartPolicy.Kind kind = record.config().restart().kind();
        return kind == RestartPolicy.Kind.ALWAYS || kind == RestartPolicy.Kind.UNLESS_STOPPED
                && !Files.exists(engine.layout().container(record.id()).resolve(STOPPED_MARKER));
    }
}
