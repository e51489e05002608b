package dev.vaina.monitor;

/** The container's output streams; the ids are the attach protocol's stream bytes. */
enum StreamId {
    STDOUT(1, "stdout"),
    STDERR(2, "stderr");

    private final int id;
    private final String logName;

    StreamId(int id, String logName) {
        this.id = id;
        this.logName = logName;
    }

    int id() {
        return id;
    }

    String logName() {
        return logName;
    }
}
