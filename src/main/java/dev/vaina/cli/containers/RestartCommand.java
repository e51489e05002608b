package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.Containers;
import dev.vaina.engine.Targets;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina restart`: stop (if running), then start. */
@Command(name = "restart", description = "Restart one or more containers.")
public final class RestartCommand extends ContextCommand {
    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds to wait before killing the container.")
    Integer timeout;

    @Mixin
    ContainerSelection selection;

    @Option(names = "--running", description = "With --all: restart only the running containers.")
    boolean running;

    @Override
    protected int execute(Context context) throws Exception {
        var targets = selection.targets().runningOnly(running).resolve(context.engine().containers());
        Containers containers = context.engine().containers();
        return EachContainer.apply(targets, err(), new EachContainer.Action() {
            @Override
            public void apply(Targets.Target target) throws IOException {
                containers.stop(target.record(), timeout);
                StartCommand.startOrExplain(containers, target.record());
                out().println(target.reference());
            }
        });
    }
}
