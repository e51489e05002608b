package dev.vaina.engine;

/**
 * Where the engine reports what it does ({@code --log-level debug}) and what went less well than asked
 * (warnings, such as a container that ignored its stop signal). The command line decides where they go.
 */
public interface EngineLog {
    /** Drops everything: for callers with nobody to tell. */
    EngineLog SILENT = new EngineLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    void debug(String message);

    void warn(String message);
}
