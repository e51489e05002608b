package dev.vaina.engine;

import dev.vaina.store.ContainerState;
import java.util.List;

/** A pod's state from its containers' states, as Podman computes it. */
public final class PodStatus {
    public static final String CREATED = "Created";
    public static final String RUNNING = "Running";
    public static final String DEGRADED = "Degraded";
    public static final String PAUSED = "Paused";
    public static final String EXITED = "Exited";
    public static final String STOPPED = "Stopped";

    private PodStatus() {
    }

    /** @param containerStates each container's status (created, running, paused, exited) */
    public static String of(List<String> containerStates) {
        int total = containerStates.size();
        int running = 0;
        int paused = 0;
        int exited = 0;
        for (String state : containerStates) { // counted in a loop: no lambda on `pod ps`'s way
            switch (state) {
                case ContainerState.RUNNING -> running++;
                case "paused" -> paused++;
                case ContainerState.EXITED -> exited++;
                default -> {
                }
            }
        }
        if (total == 0) {
            return CREATED;
        }
        if (running > 0) {
            return running == total ? RUNNING : DEGRADED;
        }
        if (paused == total) {
            return PAUSED;
        }
        if (exited == total) {
            return EXITED;
        }
        if (exited > 0) {
            return STOPPED;
        }
        return CREATED;
    }
}
