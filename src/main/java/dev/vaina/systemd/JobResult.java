package dev.vaina.systemd;

/** How a systemd job ended: the "result" argument of the Manager's JobRemoved signal. */
public enum JobResult {
    DONE("done"), CANCELED("canceled"), TIMEOUT("timeout"), FAILED("failed"), DEPENDENCY("dependency"),
    SKIPPED("skipped"), INVALID("invalid"), ASSERT("assert"), UNSUPPORTED("unsupported"),
    COLLECTED("collected"), ONCE("once"), FROZEN("frozen");

    public final String text;

    JobResult(String text) {
        this.text = text;
    }

    public static JobResult of(String text) {
        for (JobResult result : values()) {
            if (result.text.equals(text)) {
                return result;
            }
        }
        throw new SystemdException("systemd reported an unknown job result \"" + text + "\"");
    }

    public boolean succeeded() {
        return this == DONE;
    }

    @Override
    public String toString() {
        return text;
    }
}
