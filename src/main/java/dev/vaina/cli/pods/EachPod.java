package dev.vaina.cli.pods;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ErrorHandler;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a pod verb to the pods named, or to all with --all, as Podman does: every one is tried, each
 * failure is reported, the exit code is the last failure's, and each pod done is echoed by its id.
 */
final class EachPod {
    interface Action {
        void apply(PodRecord pod) throws IOException;
    }

    private EachPod() {
    }

    static int apply(Context context, List<String> namesOrIds, boolean all, PrintWriter out, PrintWriter err,
            Action action) throws IOException {
        List<PodRecord> pods = new ArrayList<>();
        if (all) {
            pods.addAll(context.engine().podStore().list());
        } else if (namesOrIds == null || namesOrIds.isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, "you must provide at least one name or id");
        }
        int exit = 0;
        List<Object> targets = new ArrayList<>(all ? pods : namesOrIds);
        for (Object target : targets) {
            try {
                PodRecord pod = target instanceof PodRecord record ? record
                        : context.engine().podStore().find((String) target);
                action.apply(pod);
                out.println(pod.id());
                out.flush();
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
