package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod restart`: stop, then start. */
@Command(name = "restart", description = "Restart one or more pods.")
final class PodRestartCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Restart all pods.")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "POD")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        return EachPod.apply(context, names, all, out(), err(), pod -> {
            context.engine().pods().stop(pod, null);
            context.engine().pods().start(pod);
        });
    }
}
