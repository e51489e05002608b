package dev.vaina.engine;

import dev.vaina.oci.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One command run in a running container through the runtime's exec, and the files it needs under the
 * container's run directory: the process spec the runtime reads, the pid file it writes once the command
 * runs, and (detached) the command's stderr.
 *
 * <p>Attached, the command's stdout and stderr are the caller's own: the runtime hands its stdio to the
 * command. The runtime's own error, when it cannot start the command, arrives on that same stderr; so
 * stderr passes through a pipe and is held back until the pid file shows that the command runs. Held-back
 * text without a pid file is the runtime's error, reported the way Podman reports it, with 126 or 127.
 */
final class ExecSession {
    private static final long START_WAIT_MILLIS = 10_000;

    private final String id;
    private final String containerId;
    private final RuntimeCall runtime;
    private final Path processFile;
    private final Path pidFile;
    private final Path errorFile;

    ExecSession(String id, String containerId, RuntimeCall runtime, Path directory) {
        this.id = id;
        this.containerId = containerId;
        this.runtime = runtime;
        this.processFile = directory.resolve(id + ".json");
        this.pidFile = directory.resolve(id + ".pid");
        this.errorFile = directory.resolve(id + ".err");
    }

    String id() {
        return id;
    }

    Path processFile() {
        return processFile;
    }

    Path pidFile() {
        return pidFile;
    }

    Path errorFile() {
        return errorFile;
    }

    List<String> command() {
        return runtime.command("exec", List.of("--process", processFile.toString(), "--pid-file", pidFile.toString(),
                containerId));
    }

    /** Runs the command with the caller's stdio and returns its exit code. */
    int runAttached(boolean interactive) throws IOException {
        Process process = RuntimeCall.builder(command())
                .redirectInput(interactive ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        HeldBackStderr stderr = new HeldBackStderr(process.getErrorStream());
        stderr.start();
        try {
            while (!stderr.released() && process.isAlive()) {
                if (Files.exists(pidFile)) {
                    stderr.release();
                } else {
                    Waiting.sleep(2);
                }
            }
            int code = process.waitFor();
            if (stderr.released() || Files.exists(pidFile)) {
                stderr.release();
                // Background children of the command may keep stderr open: do not wait for them.
                stderr.join(100);
                return code;
            }
            stderr.join(START_WAIT_MILLIS);
            throw failure(stderr.heldBack());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the exec session in container " + containerId);
        }
    }

    /** What a command run by {@link #runCaptured} did: its exit code and its stdout and stderr, or a time-out. */
    record Captured(int exitCode, String output, boolean timedOut) {
    }

    /**
     * Runs the command with no stdin and its stdout and stderr together in a file (background children of the
     * command may keep a pipe open, never a file). A command still running after the timeout is killed.
     */
    Captured runCaptured(java.time.Duration timeout) throws IOException {
        Path outputFile = processFile.resolveSibling(id + ".out");
        Process process = RuntimeCall.builder(command())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(outputFile.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            boolean ended = process.waitFor(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (!ended) {
                killCommand();
                process.destroyForcibly();
                process.waitFor(START_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            String output = Files.exists(outputFile) ? Files.readString(outputFile) : "";
            return new Captured(ended ? process.exitValue() : -1, output, !ended);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the exec session in container " + containerId);
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }

    /** The runtime's exec waits for the command, and killing the runtime would not end it: kill the command. */
    private void killCommand() throws IOException {
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** After a detached start: the pid file appeared (true), or the runtime ended without it (false). */
    boolean awaitStarted(BooleanSupplier runtimeStillRunning) {
        long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(pidFile)) {
                return true;
            }
            if (!runtimeStillRunning.getAsBoolean()) {
                return Files.exists(pidFile);
            }
            Waiting.sleep(5);
        }
        return Files.exists(pidFile);
    }

    /** The runtime ended before the command ran: what it said, as Podman reports it. */
    ExecFailedException failure(String runtimeOutput) {
        if (runtimeOutput.isBlank()) {
            return new ExecFailedException(RuntimeFailure.ENGINE_ERROR, runtime.name()
                    + " exec ended before the command started, without saying why: OCI runtime error");
        }
        RuntimeFailure failure = RuntimeFailure.fromOutput("exec", runtimeOutput);
        return new ExecFailedException(failure.exitCode(),
                runtime.name() + ": " + failure.message() + ": " + failure.podmanSuffix());
    }

    void deleteFiles() {
        for (Path file : List.of(processFile, pidFile, errorFile)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Per-boot files: the container's cleanup removes the whole folder anyway.
            }
        }
    }

    /** Copies the runtime's stderr to ours, holding it back until {@link #release()}. */
    private static final class HeldBackStderr extends Thread {
        private final InputStream in;
        private final OutputStream out = new FileOutputStream(FileDescriptor.err);
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private boolean released;

        HeldBackStderr(InputStream in) {
            super("exec-stderr");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this) {
                        if (released) {
                            out.write(buffer, 0, n);
                            out.flush();
                        } else {
                            held.write(buffer, 0, n);
                        }
                    }
                }
            } catch (IOException e) {
                // Our stderr or the pipe is gone: nothing more to copy.
            }
        }

        synchronized boolean released() {
            return released;
        }

        synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            try {
                held.writeTo(out);
                out.flush();
            } catch (IOException e) {
                // Our stderr is closed: the text has nowhere to go.
            }
        }

        synchronized String heldBack() {
            return held.toString(StandardCharsets.UTF_8);
        }
    }
}
