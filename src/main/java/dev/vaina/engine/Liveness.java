package dev.vaina.engine;

import dev.vaina.launch.Cleanup;
import dev.vaina.launch.ContainerPaths;
import dev.vaina.launch.HandOver;
import dev.vaina.spec.FileBytes;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Notices containers whose monitor died without its cleanup running (killed together with its
 * manager, or a reboot that emptied the runtime directory) and repairs their state on the spot.
 */
public final class Liveness {
    private Liveness() {
    }

    public static ContainerState reconcile(ContainerStore store, ContainerRecord record) throws IOException {
        return reconcile(store, record, store.state(record.id()));
    }

    /** {@link #reconcile(ContainerStore, ContainerRecord)} from {@code state}, the container's state as just read. */
    public static ContainerState reconcile(ContainerStore store, ContainerRecord record, ContainerState state)
            throws IOException {
        if (state.isRunning() && !alive(store.layout(), state, record)) {
            // Re-read: the cleanup may have finished between the two looks.
            state = store.state(record.id());
            if (state.isRunning() && !alive(store.layout(), state, record)) {
                Cleanup.run(store, record);
                state = store.state(record.id());
            }
        }
        return state;
    }

    /**
     * Whether a container recorded as running is in someone's hands: its monitor's, or, handed over to systemd,
     * its unit's (running, or ending it: the unit's cleanup records the exit then).
     */
    public static boolean alive(StoreLayout layout, ContainerState state, ContainerRecord record) throws IOException {
        if (monitorAlive(state, record.id())) {
            return true;
        }
        Optional<HandOver> handOver = HandOver.read(new ContainerPaths(layout, record.id()));
        return handOver.isPresent() && handOver.get().unitBusy();
    }

    /**
     * The process whose user namespace a rootless container's runtime must run in: its monitor's, or once the
     * monitor has handed it over, its init's (the same namespace: the monitor made it and the runtime put the
     * container in it).
     */
    public static long userNamespaceHolder(StoreLayout layout, ContainerState state, String id) throws IOException {
        if (monitorAlive(state, id)) {
            return state.monitorPid();
        }
        Optional<HandOver> handOver = HandOver.read(new ContainerPaths(layout, id));
        return handOver.isPresent() ? handOver.get().containerPid() : state.monitorPid();
    }

    /** The PID of the container's monitor; 0 once the monitor has handed the container over to systemd. */
    public static long monitorPid(StoreLayout layout, ContainerState state, String id) throws IOException {
        return HandOver.read(new ContainerPaths(layout, id)).isPresent() ? 0 : state.monitorPid();
    }

    /**
     * True when the monitor PID still runs and is this container's monitor, not a reused PID: the launcher records the
     * PID that the monitor's JVM told it, whose command line names the container's id from the start.
     */
    public static boolean monitorAlive(ContainerState state, String id) {
        if (state.monitorPid() <= 0) {
            return false;
        }
        try {
            byte[] cmdline = FileBytes.read("/proc/" + state.monitorPid() + "/cmdline");
            // A zombie's command line is empty: dead too.
            return new String(cmdline, StandardCharsets.UTF_8).contains(id);
        } catch (IOException gone) {
            return false;
        }
    }
}
