package dev.vaina.linux;

/**
 * How a process ended, decoded from a waitpid(2) status word: either it exited with a code, or a signal
 * killed it.
 */
public record ExitStatus(boolean signaled, int value) {
    public ExitStatus {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("exit code or signal out of range: " + value);
        }
    }

    public static ExitStatus exited(int code) {
        return new ExitStatus(false, code);
    }

    public static ExitStatus killedBy(int signal) {
        return new ExitStatus(true, signal);
    }

    /** Decodes the status word the way WIFEXITED/WEXITSTATUS/WIFSIGNALED/WTERMSIG do. */
    public static ExitStatus decode(int status) {
        int termSig = status & 0x7f;
        if (termSig == 0) {
            return exited((status >> 8) & 0xff);
        }
        return killedBy(termSig);
    }

    /** The shell's convention, which Podman and Docker follow: the code, or 128 + the signal. */
    public int code() {
        return signaled ? 128 + value : value;
    }

    @Override
    public String toString() {
        return signaled ? "killed by signal " + value : "exited with code " + value;
    }
}
