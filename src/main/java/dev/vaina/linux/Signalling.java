package dev.vaina.linux;

import com.sun.jna.LastErrorException;

/** kill(2). */
public final class Signalling {
    public static final int SIGKILL = LibC.SIGKILL;
    public static final int SIGTERM = LibC.SIGTERM;

    private Signalling() {
    }

    /** Sends {@code signal} to {@code pid}; returns false if the process no longer exists (ESRCH). */
    public static boolean kill(int pid, int signal) throws NativeCallException {
        if (pid <= 0) {
            // kill(0) and kill(-1) signal process groups or everything: never what a caller here means.
            throw new IllegalArgumentException("refusing to kill pid " + pid);
        }
        try {
            LibC.INSTANCE.kill(pid, signal);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.ESRCH) {
                return false;
            }
            throw NativeCallException.of("kill(" + pid + ", " + signal + ")", e);
        }
    }
}
