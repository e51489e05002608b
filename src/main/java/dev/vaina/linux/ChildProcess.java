package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A short-lived program run beside this JVM without java.lang.Process: its standard input handed over whole, its
 * standard output and error read together to their end, its exit awaited under a deadline. A JVM's first
 * java.lang.Process sets the JDK's process machinery up (method handles for a lambda, a reaper thread,
 * jspawnhelper between it and the program): 13 ms of a monitor's exit, spent before netavark's teardown. A JVM that
 * has JNA loaded already (the monitor, the launcher, the cleanup) spawns for less. The child holds no descriptor of
 * this JVM's but its three pipes. Nothing here may run beside a {@code waitpid(-1)} of the same process (the
 * monitor's reaper, while its container runs): that would take the child's status.
 */
public final class ChildProcess {
    private final int pid;
    private final int output;

    private ChildProcess(int pid, int output) {
        this.pid = pid;
        this.output = output;
    }

    /** How the child ended, and what it wrote. */
    public record Result(ExitStatus status, String output, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && !status.signaled() && status.value() == 0;
        }
    }

    /**
     * Starts {@code argv} (argv[0] a path, or a name looked up in this process's $PATH) with {@code env} as its whole
     * environment, and writes {@code input} to its standard input, which is then closed. The input is written before
     * any output is read: it must be small, or read by the child before it writes much (a pipe holds 64 KiB).
     */
    public static ChildProcess start(List<String> argv, Map<String, String> env, byte[] input) throws NativeCallException {
        List<String> command = new ArrayList<>(argv);
        command.set(0, Spawn.onPath(argv.get(0)));
        Pipe stdin = Pipe.open();
        Pipe stdout;
        try {
            stdout = Pipe.open();
        } catch (NativeCallException e) {
            FileDescriptors.closeQuietly(stdin.readFd());
            FileDescriptors.closeQuietly(stdin.writeFd());
            throw e;
        }
        int pid;
        try {
            pid = Spawn.spawnAlone(command, env, stdin.readFd(), stdout.writeFd(), stdout.writeFd());
        } catch (NativeCallException e) {
            FileDescriptors.closeQuietly(stdout.readFd());
            FileDescriptors.closeQuietly(stdin.writeFd());
            throw e;
        } finally {
            FileDescriptors.closeQuietly(stdin.readFd());
            FileDescriptors.closeQuietly(stdout.writeFd());
        }
        try {
            FileDescriptors.write(stdin.writeFd(), input, 0, input.length);
        } catch (NativeCallException e) {
            // EPIPE: the child ended, or closed its input, without reading it all; how it ended says why.
        } finally {
            FileDescriptors.closeQuietly(stdin.writeFd());
        }
        return new ChildProcess(pid, stdout.readFd());
    }

    /** {@link #start}, then {@link #finish}. */
    public static Result run(List<String> argv, Map<String, String> env, byte[] input, long timeoutMillis)
            throws NativeCallException {
        return start(argv, env, input).finish(timeoutMillis);
    }

    /**
     * Reads the child's output to its end and reaps it. When {@code timeoutMillis} pass before its output ends, the
     * child is killed (SIGKILL) and the result says it timed out. A child that closes its output and runs on is
     * waited for without the deadline: none of the programs vaina runs this way does.
     */
    public Result finish(long timeoutMillis) throws NativeCallException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        boolean timedOut = false;
        try {
            byte[] buffer = new byte[8192];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                // Something to read, or the end (POLLHUP once every write end is closed).
                if (left <= 0 || Pipe.poll(output, LibC.POLLIN, (int) Math.min(left, Integer.MAX_VALUE)) == 0) {
                    timedOut = true;
                    kill();
                    break;
                }
                int n = FileDescriptors.read(output, buffer);
                if (n < 0) {
                    break;
                }
                text.write(buffer, 0, n);
            }
        } finally {
            FileDescriptors.closeQuietly(output);
        }
        return new Result(Processes.waitFor(pid), text.toString(StandardCharsets.UTF_8), timedOut);
    }

    /**
     * {@link #finish}, for a child that must succeed: its output, or an IOException that names {@code what} and says
     * how it ended (killed at its deadline, or its exit status and output).
     */
    public String finishSuccessfully(String what, long timeoutMillis) throws IOException {
        Result result;
        try {
            result = finish(timeoutMillis);
        } catch (NativeCallException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
        if (result.timedOut()) {
            throw new IOException(what + " did not finish within " + timeoutMillis / 1000 + " s");
        }
        if (!result.succeeded()) {
            throw new IOException(what + " failed (" + result.status() + "): " + result.output().strip());
        }
        return result.output();
    }

    /** SIGKILL by kill(2) itself: {@link Signalling#kill} would go through the JDK's process machinery. */
    private void kill() throws NativeCallException {
        try {
            LibC.INSTANCE.kill(pid, LibC.SIGKILL);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.ESRCH) {
                throw NativeCallException.of("kill(" + pid + ", SIGKILL)", e);
            }
        }
    }

}
