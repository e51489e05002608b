package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.Pods;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod start`: the pod's unit (its infra container), then every member. */
@Command(name = "start", description = "Start one or more pods.")
final class PodStartCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Start all pods.")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "POD")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        Pods pods = context.engine().pods();
        return EachPod.apply(context, names, all, out(), err(), new EachPod.Action() {
            @Override
            public void apply(PodRecord pod) throws IOException {
                pods.start(pod);
            }
        });
    }
}
