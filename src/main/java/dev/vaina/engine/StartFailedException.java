package dev.vaina.engine;

/**
 * A container that did not start. {@link #containerExitCode()} is what the monitor recorded: 126 when the
 * command cannot be invoked, 127 when it does not exist, anything else for a failure of the engine.
 */
public final class StartFailedException extends EngineException {
    private final int containerExitCode;

    public StartFailedException(int containerExitCode, String message) {
        super(message);
        this.containerExitCode = containerExitCode;
    }

    public int containerExitCode() {
        return containerExitCode;
    }

    /** The command's own failure (126, 127) rather than the engine's. */
    public boolean commandFailed() {
        return containerExitCode == 126 || containerExitCode == 127;
    }
}
