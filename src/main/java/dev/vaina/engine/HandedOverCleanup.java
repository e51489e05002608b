package dev.vaina.engine;

import dev.vaina.launch.Cleanup;
import dev.vaina.launch.ContainerPaths;
import dev.vaina.launch.HandOver;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerStore;
import dev.vaina.systemd.UnitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stopped container that its monitor handed over to systemd (no resident monitor, see {@link HandOver}) is
 * cleaned up by the command that stopped it, as soon as its init has ended. Its unit's ExecStopPost, which systemd
 * starts as soon as it has reaped the init, would do it otherwise; it finds the mark this leaves before the stop
 * signal ({@link Cleanup#leaveStopPostMark}) and ends in the shell, where it would have started a JVM for the stop
 * job to wait for, only to find nothing left to do. The mark is taken back should this cleanup not happen (the init
 * outlives the wait) or not complete, so that an ExecStopPost yet to begin does it all again, and once the unit has
 * stopped. The exit is systemd's to tell, as it tells ExecStopPost: the unit's ExecMainCode and ExecMainStatus,
 * which systemd has once it has reaped the init, asked for when the exit is recorded, after the network's teardown.
 */
final class HandedOverCleanup implements Cleanup.ExitCodeSource {
    /** How long the init may take to end after SIGKILL, or to be reaped, before ExecStopPost is left to do it all. */
    private static final long WAIT_MILLIS = 2_000;
    private static final long POLL_MILLIS = 1;

    private final Engine engine;
    private final ContainerStore store;
    private final ContainerRecord record;
    private final HandOver handOver;
    /** The mark that ends ExecStopPost in the shell, while it is there; or null. */
    private Path mark;

    private HandedOverCleanup(Engine engine, ContainerStore store, ContainerRecord record, HandOver handOver) {
        this.engine = engine;
        this.store = store;
        this.record = record;
        this.handOver = handOver;
    }

    /**
     * Before the stop signal: for a container handed over to systemd, leaves ExecStopPost's mark.
     *
     * @return null for a container that was not handed over
     */
    static HandedOverCleanup beforeStop(Engine engine, ContainerStore store, ContainerRecord record)
            throws IOException {
        Optional<HandOver> handOver = HandOver.read(new ContainerPaths(store.layout(), record.id()));
        if (handOver.isEmpty()) {
            return null;
        }
        HandedOverCleanup cleanup = new HandedOverCleanup(engine, store, record, handOver.get());
        cleanup.mark = Cleanup.leaveStopPostMark(store.layout(), record, handOver.get());
        return cleanup;
    }

    /** Once the container has its signal: cleans up as soon as the init has ended, unless it outlives the wait. */
    void afterSignal() throws IOException {
        boolean complete = false;
        try {
            complete = waitFor(handOver::containerEnded) && Cleanup.run(store, record, this);
        } finally {
            if (!complete) {
                takeMarkBack();
            }
        }
    }

    /** Once the unit has stopped: the mark is left only when its ExecStopPost began before it was made. */
    void takeMarkBack() throws IOException {
        if (mark != null) {
            Files.deleteIfExists(mark);
            mark = null;
        }
    }

    /** systemd's, once it has reaped the init; else what ExecStopPost may have recorded, else a kill. */
    @Override
    public int exitCode(ContainerPaths paths) throws IOException {
        if (waitFor(() -> !handOver.containerRuns())) {
            UnitStatus unit = engine.systemd().status(record.unit());
            switch (unit.execMainCode()) {
                case UnitStatus.CLD_EXITED:
                    return unit.execMainStatus();
                case UnitStatus.CLD_KILLED, UnitStatus.CLD_DUMPED:
                    return 128 + unit.execMainStatus();
                default:
                    break; // no exit that systemd knows of
            }
        }
        return Cleanup.RECORDED_EXIT.exitCode(paths);
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Waiting.sleep(POLL_MILLIS);
        }
        return true;
    }
}
