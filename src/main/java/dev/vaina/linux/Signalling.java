package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.util.Optional;

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
        if (signal == SIGTERM || signal == SIGKILL) {
            // The JDK sends these two itself: a `stop` or an `rm -f` need not load JNA (about 30 ms) for them.
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                return false;
            }
            if (signal == SIGKILL ? process.get().destroyForcibly() : process.get().destroy()) {
                return true;
            }
            // refused without a reason (gone meanwhile, or not ours to signal): kill(2) below says which
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
