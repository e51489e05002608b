package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.GoDuration;
import dev.vaina.engine.ContainerWaits;
import dev.vaina.engine.Targets;
import dev.vaina.store.ContainerState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
        List<WaitCondition> wanted = new ArrayList<>();
        for (String condition : conditions == null || conditions.isEmpty() ? List.of("stopped") : conditions) {
            wanted.add(WaitCondition.parse(condition));
        }
        Wanted any = new Wanted(wanted);
        Duration every = GoDuration.parse(interval);
        var targets = selection.targets().ignoreMissing(ignore).resolve(context.engine().containers());
        ContainerWaits waits = context.engine().containerWaits();
        // A class, not a lambda: a command's first lambda sets the JVM's method-handle machinery up, some 5 ms of a
        // `wait` for a container that has exited already.
        return EachContainer.apply(targets, err(), new EachContainer.Action() {
            @Override
            public void apply(Targets.Target target) throws IOException {
                ContainerState state = waits.waitFor(target.record(), any, every);
                out().println(any.exitedIn(state) ? state.exitCode() : -1);
                out().flush();
            }
        });
    }

    /** Whether a state meets one of the conditions waited for. */
    private record Wanted(List<WaitCondition> conditions) implements Predicate<ContainerState> {
        @Override
        public boolean test(ContainerState state) {
            for (WaitCondition condition : conditions) {
                if (condition.metBy(state)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the state met a condition that waits for the container's exit, whose code is then printed. */
        boolean exitedIn(ContainerState state) {
            for (WaitCondition condition : conditions) {
                if (condition.waitsForExit() && condition.metBy(state)) {
                    return true;
                }
            }
            return false;
        }
    }
}
