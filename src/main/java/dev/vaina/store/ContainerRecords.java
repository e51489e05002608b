package dev.vaina.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The container records as commands read them: found, listed, their last recorded state. Changing them is the
 * engine's ({@code engine.Containers}); the CLI is handed this view of the store.
 */
public interface ContainerRecords {
    /** Finds a container by exact name, full id or unique id prefix. */
    ContainerRecord find(String nameOrId) throws IOException;

    Optional<ContainerRecord> lookup(String nameOrId) throws IOException;

    /** The state as last recorded; {@code engine.Containers.currentState} also records a death no one saw. */
    ContainerState state(String id) throws IOException;

    List<ContainerRecord> list() throws IOException;

    /** The containers whose last recorded state is running, read without the others' records. */
    List<Running> recordedRunning() throws IOException;

    /** A container whose recorded state says it runs: its record, and that state as read. */
    record Running(ContainerRecord record, ContainerState state) {
    }
}
