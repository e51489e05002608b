package dev.vaina.engine;

import dev.vaina.systemd.UnitStatus;

/** Readings of unit states that the CLI's waits need. */
public final class Units {
    private Units() {
    }

    /** Still running, starting, or running its stop and cleanup commands. */
    public static boolean busy(UnitStatus status) {
        return switch (status.activeState()) {
            case "active", "activating", "deactivating", "reloading" -> true;
            default -> false;
        };
    }
}
