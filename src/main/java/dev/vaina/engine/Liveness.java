package dev.vaina.engine;

import dev.vaina.launch.Cleanup;
import dev.vaina.launch.ContainerPaths;
import dev.vaina.launch.HandOver;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Notices containers whose monitor died without its cleanup running (killed together with its
 * manager, or a reboot that emptied the runtime directory) and repairs their state on the spot.
 */
public final class Liveness {
    /** How often, and how far apart, a command line that is not the container's is looked at: 100 ms in all. */
    private static final int LOOKS = 20;
    private static final long PAUSE_MILLIS = 5;

    private Liveness() {
    }

    public static ContainerState reconcile(ContainerStore store, ContainerRecord record) throws IOException {
        ContainerState state = store.state(record.id());
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
        return monitorAlive(state, record)
                || HandOver.read(new ContainerPaths(layout, record.id())).map(HandOver::unitBusy).orElse(false);
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
        return HandOver.read(new ContainerPaths(layout, id)).map(HandOver::containerPid).orElse(state.monitorPid());
    }

    /** The PID of the container's monitor; 0 once the monitor has handed the container over to systemd. */
    public static long monitorPid(StoreLayout layout, ContainerState state, String id) throws IOException {
        return HandOver.read(new ContainerPaths(layout, id)).isPresent() ? 0 : state.monitorPid();
    }

    /** True when the monitor PID still runs and is this container's launcher or monitor, not a reused PID. */
    public static boolean monitorAlive(ContainerState state, String id) {
        return commandLineSays(state, cmdline -> cmdline.contains(id));
    }

    /**
     * The same, knowing that a definition file's unit starts the launcher with the container's name (its id is
     * made when the unit starts): until the launcher execs the monitor, its command line ends "start NAME".
     */
    public static boolean monitorAlive(ContainerState state, ContainerRecord record) {
        return commandLineSays(state, cmdline -> cmdline.contains(record.id())
                || cmdline.endsWith("\0start\0" + record.name() + "\0"));
    }

    /**
     * Whether the command line of the monitor's PID is the container's. While a process execs, the kernel shows
     * an empty or a partial command line for a moment, and a monitor is started by two execs (the launcher's JVM
     * becomes the monitor's shell wrapper, which becomes its JVM): taken for a dead monitor, that moment got a
     * starting container cleaned up under its monitor. So a live process whose command line is not the container's
     * is looked at again, a few times over 100 ms (a PID reused by another process, or a zombie, is told apart that
     * late, which happens only after a crash); a process that is gone is dead at once. Not a zombie at once: a JVM
     * execs from a thread that is not its first, and until the kernel gives that thread the PID, /proc/PID shows
     * the first thread exited (state Z, then X) with an empty command line.
     */
    private static boolean commandLineSays(ContainerState state, Predicate<String> ours) {
        if (state.monitorPid() <= 0) {
            return false;
        }
        Path proc = Path.of("/proc", Long.toString(state.monitorPid()));
        try {
            for (int look = 1; ; look++) {
                if (ours.test(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8))) {
                    return true;
                }
                if (look == LOOKS) {
                    return false;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (IOException gone) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
