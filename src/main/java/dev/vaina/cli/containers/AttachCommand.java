package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.Containers;
import dev.vaina.engine.Targets;
import dev.vaina.store.ContainerRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina attach`: the running container's output (and, unless --no-stdin, its standard input when it was made
 * with -i) until it exits, then its exit code, or until the detach keys leave it running; as `start -a` does,
 * through the monitor's attach socket.
 */
@Command(name = "attach", description = "Attach to a running container.")
public final class AttachCommand extends ContextCommand {
    @Option(names = "--no-stdin", description = "Do not attach standard input.")
    boolean noStdin;

    @Option(names = {"-l", "--latest"}, description = "Attach to the container created last.")
    boolean latest;

    @Mixin
    AttachOptions attachOptions;

    @Parameters(arity = "0..1", paramLabel = "CONTAINER")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        attachOptions.detachKeys(); // refused before anything is looked up
        var targets = Targets.named(name == null ? List.of() : List.of(name)).latest(latest)
                .resolve(context.engine().containers());
        ContainerRecord record = targets.get(0).record();
        Containers containers = context.engine().containers();
        if (!context.containers().state(record.id()).isRunning() || context.engine().pausing().isPaused(record)) {
            throw new CommandFailedException(ExitCodes.ENGINE,
                    "you can only attach to running containers: container state improper");
        }
        Attachment attachment = new Attachment(context, containers, record, out(), err()).with(attachOptions);
        attachment.attachRunning();
        return attachment.relayUntilExit(!noStdin && record.config().interactive());
    }
}
