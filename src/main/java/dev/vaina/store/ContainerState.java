package dev.vaina.store;

/**
 * What happened to a container: changed by the launcher (running) and the cleanup (exited).
 *
 * @param status     created, running, stopping or exited
 * @param monitorPid the monitor's PID (the unit's MainPID) while it runs, else 0
 * @param exitCode   the container's exit code once exited
 * @param startedAt  ISO-8601, or null
 * @param finishedAt ISO-8601, or null
 * @param error      why the last start failed, or null
 */
public record ContainerState(
        String status,
        long monitorPid,
        int exitCode,
        String startedAt,
        String finishedAt,
        String error) {

    public static final String CREATED = "created";
    public static final String RUNNING = "running";
    public static final String EXITED = "exited";

    public static ContainerState created() {
        return new ContainerState(CREATED, 0, 0, null, null, null);
    }

    public ContainerState running(long pid, String now) {
        return new ContainerState(RUNNING, pid, 0, now, null, null);
    }

    public ContainerState exited(int code, String now, String why) {
        return new ContainerState(EXITED, 0, code, startedAt, now, why);
    }

    public boolean isRunning() {
        return RUNNING.equals(status);
    }
}
