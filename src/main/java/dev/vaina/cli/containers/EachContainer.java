package dev.vaina.cli.containers;

import dev.vaina.cli.common.ErrorHandler;
import dev.vaina.engine.Targets.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Applies a verb to several containers as Podman does: every one is tried, each failure is reported, and
 * the exit code is the last failure's.
 */
final class EachContainer {
    /**
     * What is done to one container. Verbs pass objects, not lambdas: a JVM's first lambda sets the method-handle
     * machinery up (1-3 ms of a `start`, which links no other).
     */
    interface Action {
        void apply(Target target) throws IOException;
    }

    private EachContainer() {
    }

    static int apply(List<Target> targets, PrintWriter err, Action action) throws IOException {
        int exit = 0;
        for (Target target : targets) {
            try {
                action.apply(target);
            } catch (RuntimeException e) {
                if (targets.size() == 1) {
                    throw e;
                }
                err.println("Error: " + ErrorHandler.messageOf(e));
                exit = ErrorHandler.exitCodeOf(e);
            }
        }
        err.flush();
        return exit;
    }
}
