package dev.vaina.cli.containers;

import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.HealthState;
import dev.vaina.store.StoreLayout;
import java.io.IOException;

/** The word ps shows in parentheses after "Up ...", and its health= filter matches. */
final class HealthStatus {
    static final String NONE = "";

    private HealthStatus() {
    }

    /** healthy, unhealthy or starting for a running container with a health check; "" otherwise. */
    static String of(StoreLayout layout, ContainerRecord record, ContainerState state) throws IOException {
        if (!state.isRunning() || record.healthCheck() == null) {
            return NONE;
        }
        return HealthState.read(layout, record.id()).status();
    }

    /** "Up 3 seconds (healthy)", as Podman shows it. */
    static String decorate(String status, String health) {
        return health.isEmpty() ? status : status + " (" + health + ")";
    }
}
