package dev.vaina.systemd;

import java.util.Objects;

/**
 * What systemd says about one unit. mainPid is 0 when there is no main process; execMainCode is the
 * waitid() si_code of the main process's last exit (1 exited, 2 killed, 3 dumped, 0 never ran) and
 * execMainStatus its exit status or signal number; result is the service's Result ("success",
 * "exit-code", "signal", "timeout", ...), empty for units that are not services or not loaded.
 */
public record UnitStatus(String name, String loadState, String activeState, String subState, long mainPid,
        int execMainCode, int execMainStatus, boolean needDaemonReload, String result) {

    public static final int CLD_EXITED = 1;
    public static final int CLD_KILLED = 2;
    public static final int CLD_DUMPED = 3;

    public UnitStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loadState, "loadState");
        Objects.requireNonNull(activeState, "activeState");
        Objects.requireNonNull(subState, "subState");
        Objects.requireNonNull(result, "result");
    }

    /** The status systemd reports for a unit it has no file for. */
    public static UnitStatus notFound(String name) {
        return new UnitStatus(name, "not-found", "inactive", "dead", 0, 0, 0, false, "");
    }

    public boolean isNotFound() {
        return "not-found".equals(loadState);
    }

    public boolean isActive() {
        return "active".equals(activeState);
    }

    public boolean isFailed() {
        return "failed".equals(activeState);
    }
}
