package dev.vaina.it.support;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/** What one finished command did: its exit code and everything it printed. */
public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    public Result {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Fails the test, showing the whole result, unless the command exited with 0. */
    public Result assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionFailedError("expected exit code 0 but got " + exitCode + "\n" + describe());
        }
        return this;
    }

    /** Fails the test, showing the whole result, unless the command exited with {@code expected}. */
    public Result assertExitCode(int expected) {
        if (exitCode != expected) {
            throw new AssertionFailedError("expected exit code " + expected + " but got " + exitCode + "\n" + describe());
        }
        return this;
    }

    /** A multi-line account for assertion messages. */
    public String describe() {
        return "command: " + String.join(" ", command) + "\nexit code: " + exitCode
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
