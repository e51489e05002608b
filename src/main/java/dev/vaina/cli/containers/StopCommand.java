package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.Containers;
import dev.vaina.engine.Targets;
import dev.vaina.linux.Signalling;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina stop`: the stop signal, then SIGKILL after the timeout. */
@Command(name = "stop", description = "Stop one or more running containers.")
public final class StopCommand extends ContextCommand {
    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds to wait before killing the container (default: its stop timeout).")
    Integer timeout;

    @Mixin
    ContainerSelection selection;

    @Mixin
    IgnoreOption ignoreOption;

    @Override
    protected int execute(Context context) throws Exception {
        if (timeout != null && timeout < 0) {
            throw new CommandFailedException(ExitCodes.ENGINE, "invalid --time " + timeout + ": must be 0 or more seconds");
        }
        // The stop signal goes through the JDK's process handles, set up meanwhile.
        Signalling.prepareAhead();
        var targets = selection.targets().ignoreMissing(ignoreOption.ignore).resolve(context.engine().containers());
        Containers containers = context.engine().containers();
        return EachContainer.apply(targets, err(), new EachContainer.Action() {
            @Override
            public void apply(Targets.Target target) throws IOException {
                containers.stop(target.record(), timeout);
                out().println(target.reference());
            }
        });
    }
}
