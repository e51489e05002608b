package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.spec.Signals;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod kill`: a signal to every running container of the pod. */
@Command(name = "kill", description = "Send a signal (default KILL) to every container of one or more pods.")
final class PodKillCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Kill all pods.")
    boolean all;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", defaultValue = "KILL", description = "Signal to send (default: KILL).")
    String signal;

    @Parameters(arity = "0..*", paramLabel = "POD")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        int number = Signals.parse(signal);
        return EachPod.apply(context, names, all, out(), err(), pod -> context.engine().pods().kill(pod, number));
    }
}
