package dev.vaina.engine;

import dev.vaina.launch.Cleanup;
import dev.vaina.launch.ContainerPaths;
import dev.vaina.launch.HandOver;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerStore;
import dev.vaina.systemd.UnitStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stopped container that its monitor handed over to systemd (no resident monitor, see {@link HandOver}) is
 * cleaned up by the command that stopped it, as soon as its init has ended: its unit's ExecStopPost, which would do
 * it otherwise, would start a JVM of its own once systemd has reaped the init (some 70 ms after the end before it
 * does anything), for the stop job to wait for; it finds the mark this leaves instead, and ends in the shell
 * ({@link Cleanup#inPlaceOfStopPost}). The exit is systemd's to tell, as it
 * tells ExecStopPost: the unit's ExecMainCode and ExecMainStatus, which systemd has once it has reaped the init,
 * asked for when the exit is recorded, after the network's teardown.
 */
final class HandedOverCleanup implements Cleanup.ExitCodeSource {
    /** How long the init may take to end after SIGKILL, or to be reaped, before ExecStopPost is left to do it all. */
    private static final long WAIT_MILLIS = 2_000;
    private static final long POLL_MILLIS = 1;

    private final Engine engine;
    private final ContainerRecord record;
    private final HandOver handOver;

    private HandedOverCleanup(Engine engine, ContainerRecord record, HandOver handOver) {
        this.engine = engine;
        this.record = record;
        this.handOver = handOver;
    }

    /**
     * Does nothing for a container that was not handed over, or whose init outlives the wait.
     *
     * @return the mark that ended the unit's ExecStopPost at once ({@link Cleanup#inPlaceOfStopPost}), for the
     *         caller to delete once the unit has stopped; or null
     */
    static Path afterStop(Engine engine, ContainerStore store, ContainerRecord record) throws IOException {
        Optional<HandOver> handOver = HandOver.read(new ContainerPaths(store.layout(), record.id()));
        if (handOver.isEmpty() || !waitFor(handOver.get()::containerEnded)) {
            return null;
        }
        return Cleanup.inPlaceOfStopPost(store, record, handOver.get(),
                new HandedOverCleanup(engine, record, handOver.get()));
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
