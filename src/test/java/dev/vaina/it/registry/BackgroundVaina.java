package dev.vaina.it.registry;

import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * {@code vaina ARGS...} started in the background as the mode's user with exactly the mode's
 * environment (as {@link VainaCli} runs it), so a test can run two at once or SIGKILL one mid-way.
 */
public final class BackgroundVaina implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;

    private BackgroundVaina(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.outReader = reader(process.getInputStream(), stdout, "vaina-stdout");
        this.errReader = reader(process.getErrorStream(), stderr, "vaina-stderr");
    }

    public static BackgroundVaina start(VainaCli vaina, String... args) {
        List<String> full = new ArrayList<>();
        if (!vaina.user().equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", vaina.user(), "--"));
        }
        full.add("env");
        full.add("-i");
        vaina.environment().forEach((key, value) -> full.add(key + "=" + value));
        full.add(vaina.vainaExecutable().toString());
        full.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(full).directory(Path.of("/").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            return new BackgroundVaina(full, process);
        } catch (IOException e) {
            throw new AssertionFailedError("could not start " + String.join(" ", full) + ": " + e.getMessage(), e);
        }
    }

    private static Thread reader(InputStream in, StringBuilder into, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (into) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        into.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process went away; what was read stays available.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits until {@code text} appears on stdout or stderr; fails after {@code timeout} or if the process ends first. */
    public void awaitOutput(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stdout().contains(text) && !stderr().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionFailedError("did not see '" + text + "' from " + String.join(" ", command)
                        + (process.isAlive() ? " within " + timeout.toSeconds() + "s" : " before it exited with "
                                + process.exitValue()) + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted", e);
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL to vaina and everything it started (the wrapper, the JVM), as a crash or a power cut would
     * end it: no shutdown hook runs. Answers whether it was still running when killed.
     */
    public boolean kill() {
        boolean wasAlive = process.isAlive();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return wasAlive;
    }

    /** Waits for the end and answers what it did. */
    public Result await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionFailedError("timed out after " + timeout.toSeconds() + "s: " + String.join(" ", command)
                        + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr());
            }
            outReader.join(5000);
            errReader.join(5000);
            return new Result(command, process.exitValue(), stdout(), stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for " + String.join(" ", command), e);
        }
    }

    public String stdout() {
        synchronized (stdout) {
            return stdout.toString();
        }
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
