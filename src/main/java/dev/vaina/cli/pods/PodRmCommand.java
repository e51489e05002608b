package dev.vaina.cli.pods;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.Pods;
import dev.vaina.store.NoSuchPodException;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod rm`: a pod with all its containers and units; running ones only with --force. */
@Command(name = "rm", description = "Remove one or more pods and their containers.")
final class PodRmCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Remove all pods.")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Stop running containers and remove them too.")
    boolean force;

    @Option(names = {"-i", "--ignore"}, description = "A pod that does not exist is not an error.")
    boolean ignore;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "With --force, seconds to wait before killing each container.")
    Integer timeout;

    @Parameters(arity = "0..*", paramLabel = "POD")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        List<String> targets = names;
        if (ignore && names != null) {
            targets = new java.util.ArrayList<>();
            for (String name : names) {
                if (context.engine().podStore().lookup(name).isPresent()) {
                    targets.add(name);
                }
            }
            if (targets.isEmpty()) {
                return 0;
            }
        }
        try {
            Pods pods = context.engine().pods();
            return EachPod.apply(context, targets, all, out(), err(), new EachPod.Action() {
                @Override
                public void apply(PodRecord pod) throws IOException {
                    pods.remove(pod, force, timeout);
                }
            });
        } catch (NoSuchPodException e) {
            // Podman's pod rm exits 1 for a pod that does not exist.
            throw new CommandFailedException(1, e.getMessage());
        }
    }
}
