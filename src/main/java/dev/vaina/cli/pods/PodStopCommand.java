package dev.vaina.cli.pods;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.Pods;
import dev.vaina.linux.Signalling;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod stop`: the members, then the infra container. */
@Command(name = "stop", description = "Stop one or more pods.")
final class PodStopCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Stop all pods.")
    boolean all;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds to wait before killing each container (default: its stop timeout).")
    Integer timeout;

    @Parameters(arity = "0..*", paramLabel = "POD")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        if (timeout != null && timeout < 0) {
            throw new CommandFailedException(ExitCodes.ENGINE, "invalid --time " + timeout + ": must be 0 or more seconds");
        }
        // The members' stop signals go through the JDK's process handles, set up meanwhile.
        Signalling.prepareAhead();
        Pods pods = context.engine().pods();
        return EachPod.apply(context, names, all, out(), err(), new EachPod.Action() {
            @Override
            public void apply(PodRecord pod) throws IOException {
                pods.stop(pod, timeout);
            }
        });
    }
}
