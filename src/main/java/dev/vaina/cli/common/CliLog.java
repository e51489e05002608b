package dev.vaina.cli.common;

import dev.vaina.engine.EngineLog;
import java.io.PrintWriter;

/** The engine's debug lines and warnings on standard error, as far as {@code --log-level} lets them through. */
final class CliLog implements EngineLog {
    private final boolean debug;
    private final boolean warn;
    private final PrintWriter err;

    CliLog(String level, PrintWriter err) {
        this.debug = GlobalOptions.shows(level, "debug");
        this.warn = GlobalOptions.shows(level, "warn");
        this.err = err;
    }

    @Override
    public void debug(String message) {
        if (debug) {
            err.println("DEBUG: " + message);
            err.flush();
        }
    }

    @Override
    public void warn(String message) {
        if (warn) {
            err.println("WARN: " + message);
            err.flush();
        }
    }
}
