package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.Containers;
import dev.vaina.engine.Targets;
import dev.vaina.spec.Signals;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina kill`: send a signal to the container's main process. */
@Command(name = "kill", description = "Kill one or more running containers with a signal.")
public final class KillCommand extends ContextCommand {
    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", defaultValue = "KILL", description = "Signal to send (default: KILL).")
    String signal;

    @Mixin
    ContainerSelection selection;

    @Mixin
    IgnoreOption ignoreOption;

    @Override
    protected int execute(Context context) throws Exception {
        int number = Signals.parse(signal);
        // Podman's kill --all signals the running containers only.
        var targets = selection.targets().ignoreMissing(ignoreOption.ignore).runningOnly(selection.all)
                .resolve(context.engine().containers());
        Containers containers = context.engine().containers();
        return EachContainer.apply(targets, err(), new EachContainer.Action() {
            @Override
            public void apply(Targets.Target target) throws IOException {
                containers.kill(target.record(), number);
                out().println(target.reference());
            }
        });
    }
}
