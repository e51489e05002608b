package dev.vaina.engine;

import dev.vaina.store.ContainerRecord;
import java.io.IOException;

/**
 * The last step of a command that makes a container, such as writing {@code --cidfile}: the engine runs it
 * once the container exists and, if it fails, undoes all that the create made (the record, its anonymous
 * volumes, a pod made for the container) so that a failed command leaves nothing half-made.
 */
@FunctionalInterface
public interface CreateCompletion {
    CreateCompletion NONE = created -> {
    };

    void complete(ContainerRecord created) throws IOException;
}
