package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.GoDuration;
import dev.vaina.engine.ContainerWaits;
import dev.vaina.store.ContainerState;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina wait`: block until containers exit (or reach a state) and print their exit codes. */
@Command(name = "wait", description = "Wait for containers to exit (or reach a state) and print their exit codes.")
public final class WaitCommand extends ContextCommand {
    @Option(names = "--condition", paramLabel = "STATE", split = ",",
            description = "Wait until the container is in one of these states: created, configured, running, stopped, exited (default: stopped).")
    List<String> conditions;

    @Option(names = {"-i", "--interval"}, paramLabel = "DURATION", defaultValue = "250ms",
            description = "How often to look at the container's state (default: 250ms).")
    String interval;

    @Mixin
    ContainerSelection selection;

    @Option(names = "--ignore", description = "A container that does not exist is not an error (Podman 4.3 has no such option; later versions do).")
    boolean ignore;

    @Override
    protected int execute(Context context) throws Exception {
        List<WaitCondition> wanted = conditions == null || conditions.isEmpty()
                ? List.of(WaitCondition.parse("stopped"))
                : conditions.stream().map(WaitCondition::parse).toList();
        Duration every = GoDuration.parse(interval);
        var targets = selection.targets().ignoreMissing(ignore).resolve(context.engine().containers());
        ContainerWaits waits = context.engine().containerWaits();
        return EachContainer.apply(targets, err(), target -> {
            ContainerState state = waits.waitFor(target.record(),
                    current -> wanted.stream().anyMatch(c -> c.metBy(current)), every);
            boolean exited = wanted.stream().anyMatch(c -> c.waitsForExit() && c.metBy(state));
            out().println(exited ? state.exitCode() : -1);
            out().flush();
        });
    }
}
