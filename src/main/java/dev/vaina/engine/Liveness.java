package dev.vaina.engine;

import dev.vaina.launch.Cleanup;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Notices containers whose monitor died without its cleanup running (killed together with its
 * manager, or a reboot that emptied the runtime directory) and repairs their state on the spot.
 */
public final class Liveness {
    private Liveness() {
    }

    public static ContainerState reconcile(ContainerStore store, ContainerRecord record) throws IOException {
        ContainerState state = store.state(record.id());
        if (state.isRunning() && !monitorAlive(state, record.id())) {
            // Re-read: the cleanup may have finished between the two looks.
            state = store.state(record.id());
            if (state.isRunning() && !monitorAlive(state, record.id())) {
                Cleanup.run(store, record);
                state = store.state(record.id());
            }
        }
        return state;
    }

    /** True when the monitor PID still runs and is this container's launcher or monitor, not a reused PID. */
    public static boolean monitorAlive(ContainerState state, String id) {
        if (state.monitorPid() <= 0) {
            return false;
        }
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(state.monitorPid()), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains(id);
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
