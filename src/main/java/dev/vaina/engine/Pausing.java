package dev.vaina.engine;

import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.Event;
import dev.vaina.store.OwnProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A running container's processes frozen and thawed: the runtime's pause and resume, through the cgroup freezer. */
public final class Pausing {
    private final Engine engine;

    Pausing(Engine engine) {
        this.engine = engine;
    }

    /** Freezes every process of the container (the runtime's pause: the cgroup freezer). */
    public void pause(ContainerRecord record) throws IOException {
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (!state.isRunning() || isPaused(record)) {
            throw new EngineException("\"" + (state.isRunning() ? "paused" : state.status())
                    + "\" is not running, can't pause: container state improper");
        }
        requireFreezer(record);
        runtime(record, state).run("pause", record.id());
        engine.record(Event.container("pause", record));
    }

    public void unpause(ContainerRecord record) throws IOException {
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (!state.isRunning() || !isPaused(record)) {
            throw new EngineException("\"" + record.id() + "\" is not paused, can't unpause: container state improper");
        }
        runtime(record, state).run("resume", record.id());
        engine.record(Event.container("unpause", record));
    }

    /** Thaws a running container if it is paused, recording no unpause: a stop's first step. */
    void thawForStop(ContainerRecord record, ContainerState state) throws IOException {
        if (isPaused(record)) {
            runtime(record, state).run("resume", record.id());
        }
    }

    /** Running, with its processes frozen. */
    public boolean isPaused(ContainerRecord record) throws IOException {
        return isPaused(engine.store().state(record.id()), ContainerPid.read(engine.layout(), record.id()));
    }

    /** {@link #isPaused(ContainerRecord)} for a caller that has read the container's state and pid already. */
    public static boolean isPaused(ContainerState state, long pid) throws IOException {
        if (pid <= 0 || !state.isRunning() || !OwnProcess.exists(pid)) {
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
