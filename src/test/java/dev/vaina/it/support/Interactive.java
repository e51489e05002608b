package dev.vaina.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * A command running in the background on a pseudo-terminal: write to it with {@link #send}, wait for
 * its output with {@link #expect}. Output is the terminal's, so lines end in CR LF.
 */
public final class Interactive implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final OutputStream stdin;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;
    private int consumed;

    Interactive(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdin = process.getOutputStream();
        this.reader = new Thread(this::readOutput, "interactive-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        byte[] buffer = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process went away; what was read stays available.
        }
    }

    /** Types {@code text} into the terminal (add "\n" for Enter, "\u0003" for Ctrl-C, "\u0004" for Ctrl-D). */
    public Interactive send(String text) {
        try {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return this;
        } catch (IOException e) {
            throw new AssertionFailedError("could not type into " + String.join(" ", command) + ": " + e.getMessage()
                    + "\n--- output so far ---\n" + output(), e);
        }
    }

    /**
     * Waits until {@code text} appears in the output after the previous match, and returns the output
     * from the previous match to the end of this one.
     */
    public String expect(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (true) {
                int at = output.indexOf(text, consumed);
                if (at >= 0) {
                    String seen = output.substring(consumed, at + text.length());
                    consumed = at + text.length();
                    return seen;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionFailedError("did not see '" + text + "' within " + timeout.toSeconds() + "s from "
                            + String.join(" ", command) + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")")
                            + "\n--- output so far ---\n" + output);
                }
                try {
                    output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionFailedError("interrupted while waiting for '" + text + "'", e);
                }
            }
        }
    }

    /** Closes the terminal's input (the command sees end of file once it reads past what was sent). */
    public Interactive closeInput() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // Already closed: nothing more can be sent either way.
        }
        return this;
    }

    /** Waits for the command to end and returns its exit code; fails if it does not end in time. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionFailedError(String.join(" ", command) + " did not exit within " + timeout.toSeconds()
                        + "s\n--- output so far ---\n" + output());
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for " + String.join(" ", command), e);
        }
    }

    /** Everything printed so far. */
    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            VainaCli.destroyTree(process);
        }
    }
}
