package dev.vaina.engine;

import dev.vaina.spec.Instants;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.Event;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Waiting for a container, by looking again and again: until its exit is recorded, its unit has finished, or its
 * state meets a condition (`wait`). Each pause between two looks is a {@link Waiting#sleep}.
 */
public final class ContainerWaits {
    private static final Duration EXIT_RECORD_WAIT = Duration.ofSeconds(30);

    private final Engine engine;

    ContainerWaits(Engine engine) {
        this.engine = engine;
    }

    /** Waits until the cleanup has recorded the container's exit (bounded: the cleanup may never run). */
    public ContainerState awaitExitRecord(ContainerRecord record) throws IOException {
        Instant deadline = Instant.now().plus(EXIT_RECORD_WAIT);
        long since = System.nanoTime();
        while (true) {
            ContainerState state = Liveness.reconcile(engine.store(), record);
            if (!state.isRunning() || Instant.now().isAfter(deadline)) {
                return state;
            }
            Waiting.pause(since);
        }
    }

    /**
     * Once the cleanup has recorded the exit: gives the unit up to {@code limit} to finish, so that the name is free
     * for reuse.
     */
    public void awaitUnitInactive(ContainerRecord record, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        long since = System.nanoTime();
        while (Units.busy(engine.systemd().status(record.unit())) && Instant.now().isBefore(deadline)) {
            Waiting.pause(since);
        }
    }

    /** Blocks until the container's state satisfies {@code condition}, looking every {@code interval}. */
    public ContainerState waitFor(ContainerRecord record, Predicate<ContainerState> condition, Duration interval)
            throws IOException {
        while (true) {
            if (!engine.store().exists(record.id())) {
                return removedWhileWaited(record);
            }
            ContainerState state = Liveness.reconcile(engine.store(), record);
            if (condition.test(state)) {
                return state;
            }
            Waiting.sleep(Math.max(1, interval.toMillis()));
        }
    }

    /**
     * A container removed while it was waited for (--rm): its end, as its last "died" event recorded it, since the
     * state went with it (Podman, too, keeps the exit codes of removed containers for wait).
     */
    private ContainerState removedWhileWaited(ContainerRecord record) throws IOException {
        List<Event> events = engine.events().read();
        for (int i = events.size() - 1; i >= 0; i--) {
            Event event = events.get(i);
            if (record.id().equals(event.id()) && "died".equals(event.status()) && event.exitCode() != null) {
                return ContainerState.created().exited(event.exitCode(), Instants.format(event.time()), null);
            }
        }
        throw new EngineException("no container with name or ID \"" + record.name() + "\" found: it was removed");
    }
}
