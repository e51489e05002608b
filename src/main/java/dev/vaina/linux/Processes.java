package dev.vaina.linux;

import com.sun.jna.LastErrorException;

/** Process-level calls: our own pid and euid, subreaping, waiting for children. */
public final class Processes {
    private Processes() {
    }

    /** A child that waitpid(2) reaped. */
    public record Reaped(int pid, ExitStatus status) {
    }

    public static int pid() {
        return LibC.INSTANCE.getpid();
    }

    public static int effectiveUid() {
        return LibC.INSTANCE.geteuid();
    }

    /** prctl(PR_SET_CHILD_SUBREAPER, 1): orphans of our descendants become our children, not init's. */
    public static void becomeChildSubreaper() throws NativeCallException {
        try {
            LibC.INSTANCE.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        } catch (LastErrorException e) {
            throw NativeCallException.of("prctl(PR_SET_CHILD_SUBREAPER, 1)", e);
        }
    }

    /** Blocks until the child {@code pid} ends (retrying on EINTR). */
    public static ExitStatus waitFor(int pid) throws NativeCallException {
        Reaped reaped = waitpid(pid, 0);
        return reaped.status();
    }

    /**
     * Waits up to {@code timeoutMillis} for the child {@code pid} to end; returns its status, or null when it still
     * runs (polled every 10 ms: for a child that ends within moments).
     */
    public static ExitStatus waitFor(int pid, long timeoutMillis) throws NativeCallException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            Reaped reaped = waitpid(pid, LibC.WNOHANG);
            if (reaped != null) {
                return reaped.status();
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(10);
        }
    }

    /**
     * Blocks until any child ends and returns it, or returns null when there is no child left (ECHILD).
     */
    public static Reaped waitAny() throws NativeCallException {
        return waitpid(-1, 0);
    }

    /** Reaps one child that has already ended, or returns null if none has (or there are none). */
    public static Reaped reapAnyNoHang() throws NativeCallException {
        return waitpid(-1, LibC.WNOHANG);
    }

    private static Reaped waitpid(int pid, int options) throws NativeCallException {
        int[] status = new int[1];
        while (true) {
            try {
                int reaped = LibC.INSTANCE.waitpid(pid, status, options);
                return reaped == 0 ? null : new Reaped(reaped, ExitStatus.decode(status[0]));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == LibC.ECHILD && pid == -1) {
                    return null;
                }
                throw NativeCallException.of("waitpid(" + pid + ")", e);
            }
        }
    }
}
