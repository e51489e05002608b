package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.util.Optional;

/** kill(2). */
public final class Signalling {
    public static final int SIGKILL = LibC.SIGKILL;
    public static final int SIGTERM = LibC.SIGTERM;

    private Signalling() {
    }

    /**
     * Sets the JDK's process handles up on a daemon thread, and returns at once: their first use (the SIGTERM and
     * SIGKILL below) links the JDK's lambdas for its process reaper and spins a method handle for them, about 8 ms of
     * the thread that sends the signal, which a command that will send one can spend beside its other work.
     */
    public static void prepareAhead() {
        Daemons.start(new Prepare(), "process-handles");
    }

    private static final class Prepare implements Runnable {
        @Override
        public void run() {
            ProcessHandle.current();
        }
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
        } else if (!Jna.isLoaded() && killFromShell(pid, signal)) {
            // Any other signal from a process without JNA (`vaina kill -s HUP`): the shell's kill builtin, a process
            // that costs less than loading JNA (16 ms of such a command). Should it fail, kill(2) says why.
            return true;
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

    /** Whether /bin/sh's kill delivered the signal; false if it could not (then nothing was sent). */
    private static boolean killFromShell(int pid, int signal) {
        try {
            Process shell = new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " \"$1\" 2>/dev/null", "sh",
                    Integer.toString(pid)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            shell.getOutputStream().close();
            return shell.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
