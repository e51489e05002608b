package dev.vaina.engine;

import dev.vaina.launch.ContainerPaths;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.Event;
import dev.vaina.store.OwnProcess;
import dev.vaina.store.StoreLayout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A running container's processes frozen and thawed: the runtime's pause and resume, through the cgroup freezer.
 * A container vaina pauses carries a mark from before its freeze until after its thaw
 * ({@link ContainerPaths#pausedMarker}); what lists or inspects containers reads the freezer only of those that carry
 * it, as Podman shows paused the containers its own state says it paused. A mark without a freeze (a pause cut short)
 * costs that container its freezer's reading, nothing else. Pausing, resuming, stopping and exec read the freezer
 * whatever the mark says: a container frozen another way is thawed before its stop signals, and a process started in
 * it would wait frozen.
 */
public final class Pausing {
    private final Engine engine;

    Pausing(Engine engine) {
        this.engine = engine;
    }

    /** Freezes every process of the container (the runtime's pause: the cgroup freezer). */
    public void pause(ContainerRecord record) throws IOException {
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (!state.isRunning() || frozen(record, state)) {
            throw new EngineException("\"" + (state.isRunning() ? "paused" : state.status())
                    + "\" is not running, can't pause: container state improper");
        }
        requireFreezer(record);
        Path mark = new ContainerPaths(engine.layout(), record.id()).pausedMarker();
        Files.write(mark, new byte[0]);
        try {
            runtime(record, state).run("pause", record.id());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(mark);
            throw e;
        }
        engine.record(Event.container("pause", record));
    }

    public void unpause(ContainerRecord record) throws IOException {
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (!state.isRunning() || !frozen(record, state)) {
            throw new EngineException("\"" + record.id() + "\" is not paused, can't unpause: container state improper");
        }
        thaw(record, state);
        engine.record(Event.container("unpause", record));
    }

    /** Thaws a running container if it is frozen, recording no unpause: a stop's first step. */
    void thawForStop(ContainerRecord record, ContainerState state) throws IOException {
        if (frozen(record, state)) {
            thaw(record, state);
        }
    }

    private void thaw(ContainerRecord record, ContainerState state) throws IOException {
        runtime(record, state).run("resume", record.id());
        Files.deleteIfExists(new ContainerPaths(engine.layout(), record.id()).pausedMarker());
    }

    /** Running, paused by vaina: its mark is there and its processes are frozen. */
    public boolean isPaused(ContainerRecord record) throws IOException {
        // The mark first: the state and the pid are read only for a container that has it.
        return marked(engine.layout(), record.id()) && frozen(record, engine.store().state(record.id()));
    }

    /** {@link #isPaused(ContainerRecord)} for a caller that has read the container's state and pid already. */
    public static boolean isPaused(StoreLayout layout, String id, ContainerState state, long pid) throws IOException {
        return pid > 0 && state.isRunning() && marked(layout, id) && frozen(pid);
    }

    /** Whether the container has the paused mark ({@link ContainerPaths#pausedMarker}), looked for by its name. */
    private static boolean marked(StoreLayout layout, String id) {
        return new File(layout.containerRunFileName(id, ContainerPaths.PAUSED)).exists();
    }

    /** Running, with its processes frozen, whoever froze them: what pausing and resuming go by. */
    public boolean isFrozen(ContainerRecord record) throws IOException {
        return frozen(record, engine.store().state(record.id()));
    }

    private boolean frozen(ContainerRecord record, ContainerState state) throws IOException {
        return state.isRunning() && frozen(ContainerPid.read(engine.layout(), record.id()));
    }

    private static boolean frozen(long pid) throws IOException {
        if (pid <= 0 || !OwnProcess.exists(pid)) {
            return false;
        }
        try {
            return ContainerCgroup.of(pid).frozen();
        } catch (NoSuchFileException e) {
            return false; // it exited after the check above, which a frozen process cannot do
        } catch (IOException e) {
            // Exiting after the check above, not yet reaped: reading its /proc/PID/cgroup fails with ESRCH ("No such
            // process"). A frozen process cannot exit either; `ps` failed here while a container's end was on its way.
            if (OwnProcess.exists(pid) && !exiting(pid)) {
                throw e;
            }
            return false;
        }
    }

    /** A zombie, or gone: /proc/PID/stat's state is Z or X, or unreadable. */
    private static boolean exiting(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The state follows the command name, which is in parentheses and may itself hold spaces or ')'.
            int end = stat.lastIndexOf(')');
            char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'X';
            return state == 'Z' || state == 'X' || state == 'x';
        } catch (IOException e) {
            return true;
        }
    }

    /** Rootless on cgroup v1 runc cannot make cgroups, so the container has no freezer of its own. */
    private void requireFreezer(ContainerRecord record) throws IOException {
        long pid = ContainerPid.read(engine.layout(), record.id());
        if (engine.layout().rootless() && !ContainerCgroup.of(pid).hasFreezer()) {
            throw new EngineException("can not pause containers on rootless containers with cgroup V1: "
                    + "this container does not have a cgroup");
        }
    }

    private RuntimeCall runtime(ContainerRecord record, ContainerState state) throws IOException {
        return RuntimeCall.forRunning(engine.layout(), record.id(), state);
    }
}
