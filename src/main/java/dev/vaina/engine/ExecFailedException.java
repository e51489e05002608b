package dev.vaina.engine;

/**
 * An exec session whose command could not be run: {@link #exitCode()} is 127 when it does not exist,
 * 126 when it cannot be invoked, 125 for any other failure of the runtime.
 */
public final class ExecFailedException extends EngineException {
    private final int exitCode;

    public ExecFailedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
