package dev.vaina.monitor;

import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FdOutputStream;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.Pipe;
import dev.vaina.linux.Processes;
import dev.vaina.linux.Spawn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The pipes that become the container's stdio when it has no terminal. They are handed to the runtime's
 * {@code create}, whose stdio the container's init inherits, so they outlive {@code create}. They are our
 * own pipes rather than java.lang.Process's: the JDK drains and closes a Process's pipes when the process
 * exits. With a terminal they only carry the runtime's own messages.
 */
final class ContainerStdio {
    private final Pipe stdout;
    private final Pipe stderr;
    private final Pipe stdin;

    private ContainerStdio(Pipe stdout, Pipe stderr, Pipe stdin) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdin = stdin;
    }

    /** {@code pipeStdin}: give the container a stdin pipe that we feed; otherwise its stdin is /dev/null. */
    static ContainerStdio open(boolean pipeStdin) throws NativeCallException {
        return new ContainerStdio(Pipe.open(), Pipe.open(), pipeStdin ? Pipe.open() : null);
    }

    /**
     * The runtime's create, spawned natively so that it inherits descriptors 3 and up (socket activation's
     * listening sockets); with a null stdio, the monitor's own stdin, stdout and stderr (passthrough).
     * Returns the runtime's exit code.
     */
    static int spawnAndWait(ContainerStdio stdio, List<String> command, Map<String, String> env)
            throws NativeCallException {
        int pid;
        if (stdio == null) {
            pid = Spawn.spawn(command, env, 0, 1, 2);
        } else if (stdio.stdin == null) {
            pid = Spawn.spawnWithoutInput(command, env, stdio.stdout.writeFd(), stdio.stderr.writeFd());
        } else {
            pid = Spawn.spawn(command, env, stdio.stdin.readFd(), stdio.stdout.writeFd(), stdio.stderr.writeFd());
        }
        return Processes.waitFor(pid).code();
    }

    /** After the runtime has started: our copies of the child's ends must go, or we would never see EOF. */
    void closeChildEnds() throws NativeCallException {
        FileDescriptors.close(stdout.writeFd());
        FileDescriptors.close(stderr.writeFd());
        if (stdin != null) {
            FileDescriptors.close(stdin.readFd());
        }
    }

    /** The read end of the container's stdout, which its reader closes at its end. */
    int stdoutFd() {
        return stdout.readFd();
    }

    /** The read end of the container's stderr, which its reader closes at its end. */
    int stderrFd() {
        return stderr.readFd();
    }

    InputStream stdout() {
        return new FdInputStream(stdout.readFd());
    }

    InputStream stderr() {
        return new FdInputStream(stderr.readFd());
    }

    /** The container's stdin, or null if it reads /dev/null. */
    OutputStream stdin() {
        return stdin == null ? null : new FdOutputStream(stdin.writeFd());
    }

    /** What the runtime printed, once it has exited and nothing else holds the pipes. */
    String runtimeOutput() throws IOException {
        byte[] err;
        byte[] out;
        try (InputStream in = stderr()) {
            err = in.readAllBytes();
        }
        try (InputStream in = stdout()) {
            out = in.readAllBytes();
        }
        return new String(out, StandardCharsets.UTF_8) + "\n" + new String(err, StandardCharsets.UTF_8);
    }

    /** With a terminal, the container does not use these pipes; closes what is still ours. */
    void closeAll() throws IOException {
        stdout().close();
        stderr().close();
        if (stdin != null) {
            stdin().close();
        }
    }
}
