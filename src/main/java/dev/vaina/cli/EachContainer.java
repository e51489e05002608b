package dev.vaina.cli;

import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Applies a verb to several containers as Podman does: every one is tried, each failure is reported, and
 * the exit code is the last failure's.
 */
final class EachContainer {
    interface Action {
        void apply(ContainerRecord record) throws IOException;
    }

    private EachContainer() {
    }

    static int apply(Context context, List<String> namesOrIds, PrintWriter err, Action action) throws IOException {
        int exit = 0;
        for (String nameOrId : namesOrIds) {
            try {
                action.apply(context.containers().find(nameOrId));
            } catch (RuntimeException e) {
                if (namesOrIds.size() == 1) {
                    throw e;
                }
                err.println("Error: " + ErrorHandler.messageOf(e));
                exit = ErrorHandler.exitCodeOf(e);
            }
        }
        err.flush();
        return exit;
    }

    /** Podman echoes back what the user typed (name or id). */
    static String echo(ContainerRecord record) {
        return record.name();
    }
}
