package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.Containers;
import dev.vaina.engine.StartFailedException;
import dev.vaina.engine.Targets;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina start`: start created or exited containers. */
@Command(name = "start", description = "Start one or more containers.")
public final class StartCommand extends ContextCommand {
    @Option(names = "--all", description = "Start all containers.")
    boolean all;

    @Option(names = {"-a", "--attach"}, description = "Print the container's output until it exits, and exit with its code.")
    boolean attach;

    @Option(names = {"-i", "--interactive"}, description = "With --attach: pass standard input to a container made with -i.")
    boolean interactive;

    @Option(names = {"-l", "--latest"}, description = "Start the container created last.")
    boolean latest;

    @Mixin
    AttachOptions attachOptions;

    @Parameters(arity = "0..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        attachOptions.detachKeys(); // refused before anything starts
        var targets = Targets.named(names).all(all).latest(latest).resolve(context.engine().containers());
        Containers containers = context.engine().containers();
        if (attach) {
            if (targets.size() != 1) {
                throw new CommandFailedException(ExitCodes.ENGINE, "you cannot start and attach multiple containers at once");
            }
            ContainerRecord record = targets.get(0).record();
            Attachment attachment = new Attachment(context, containers, record, out(), err()).with(attachOptions);
            try {
                attachment.startAndAttach();
            } catch (StartFailedException e) {
                throw unableToStart(record, e);
            }
            return attachment.relayUntilExit(interactive && record.config().interactive());
        }
        return EachContainer.apply(targets, err(), new EachContainer.Action() {
            @Override
            public void apply(Targets.Target target) throws IOException {
                // Podman prints nothing for a container that was running already.
                if (startOrExplain(containers, target.record())) {
                    out().println(target.reference());
                }
            }
        });
    }

    /**
     * Starts a container; a command that cannot run fails the verb with 125, as Podman's `start` does (126
     * and 127 are the codes of `run`).
     */
    static boolean startOrExplain(Containers containers, ContainerRecord record) throws IOException {
        try {
            return containers.start(record);
        } catch (StartFailedException e) {
            throw unableToStart(record, e);
        }
    }

    private static CommandFailedException unableToStart(ContainerRecord record, StartFailedException e) {
        return new CommandFailedException(ExitCodes.ENGINE,
                "unable to start container \"" + record.id() + "\": " + e.getMessage(), e);
    }
}
