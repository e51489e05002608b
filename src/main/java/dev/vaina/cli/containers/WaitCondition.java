package dev.vaina.cli.containers;

import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerState;
import java.util.List;
import java.util.Set;

/**
 * One `wait --condition STATE`. Podman's states that vaina's containers reach: created (and configured,
 * which vaina does not tell apart from it), running, stopped and exited (one state here: the exit is
 * recorded as the container stops). The rest of Podman's list names states vaina never reports, so a wait
 * for them would never end: they are refused.
 */
record WaitCondition(String state) {
    private static final List<String> KNOWN = List.of("configured", "created", "running", "stopped", "exited");
    private static final Set<String> NEVER_REPORTED = Set.of("paused", "stopping", "removing", "unknown");

    static WaitCondition parse(String text) {
        String state = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (NEVER_REPORTED.contains(state)) {
            throw new InvalidSpecException("vaina never reports the container state " + state
                    + ", so waiting for it would not end: --condition accepts " + String.join(", ", KNOWN));
        }
        if (!KNOWN.contains(state)) {
            throw new InvalidSpecException("unknown container state: " + text + ": invalid argument");
        }
        return new WaitCondition(state);
    }

    /** Waiting for an exit prints the exit code; waiting for anything else prints -1, as Podman does. */
    boolean waitsForExit() {
        return state.equals("stopped") || state.equals("exited");
    }

    boolean metBy(ContainerState current) {
        return switch (state) {
            case "configured", "created" -> ContainerState.CREATED.equals(current.status());
            case "running" -> current.isRunning();
            default -> ContainerState.EXITED.equals(current.status());
        };
    }
}
