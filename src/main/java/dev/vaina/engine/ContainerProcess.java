package dev.vaina.engine;

import java.time.Duration;

/**
 * One process of a container, read from /proc: ids as the container sees them (pid, ppid, user) and as
 * the host does (hpid, huser), and what ps(1) shows of it.
 *
 * @param ppid 0 for the container's init, whose parent is outside the container
 * @param user the container's name for the uid, or the number when its /etc/passwd has none
 * @param tty "?" without a terminal, else "pts/N" and the like
 * @param state the kernel's one-letter state (R, S, D, T, Z, ...)
 */
public record ContainerProcess(long pid, long ppid, long pgid, long hostPid, String user, String group,
        long hostUid, long hostGid, String tty, char state, int nice, Duration cpuTime, Duration elapsed,
        long vszKiB, long rssKiB, String args, String comm) {

    /** ps's %CPU: CPU time over the time since the process started. */
    public double cpuPercent() {
        long elapsedNanos = elapsed.toNanos();
        return elapsedNanos <= 0 ? 0 : 100.0 * cpuTime.toNanos() / elapsedNanos;
    }
}
