package dev.vaina.cli.common;

/** A failure whose message is for the user and whose exit code is decided by the command. */
public final class CommandFailedException extends RuntimeException {
    private final int exitCode;

    public CommandFailedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CommandFailedException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
