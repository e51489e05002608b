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
    /** Nothing more to do: a class, not a lambda, so that a plain create sets no method-handle machinery up. */
    CreateCompletion NONE = new CreateCompletion() {
        @Override
        public void complete(ContainerRecord created) {
        }
    };

    void complete(ContainerRecord created) throws IOException;
}
