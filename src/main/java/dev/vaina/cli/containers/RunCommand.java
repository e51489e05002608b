package dev.vaina.cli.containers;

import dev.vaina.cli.Context;
import dev.vaina.cli.ContextCommand;
import dev.vaina.engine.Containers;
import dev.vaina.store.ContainerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina run`: create a container and start it, attached or detached. */
@Command(name = "run", description = "Run a command in a new container.")
public final class RunCommand extends ContextCommand {
    @Mixin
    ContainerOptions options;

    @Option(names = {"-d", "--detach"}, description = "Run in the background and print the container ID.")
    boolean detach;

    @Override
    protected int execute(Context context) throws Exception {
        Containers containers = context.engine().containers();
        ContainerRecord record = CreateCommand.create(context, containers, options, err());
        Attachment attachment = new Attachment(context, containers, record, out(), err());
        boolean attachStreams = !detach && (options.process.tty || options.process.interactive);
        try {
            if (attachStreams) {
                attachment.startAndAttach();
            } else {
                containers.start(record, detach && options.rm);
            }
        } catch (RuntimeException | java.io.IOException e) {
            // A run that did not start leaves nothing behind.
            containers.forget(record);
            context.engine().volumes().removeAnonymousOf(record);
            throw e;
        }
        if (detach) {
            out().println(record.id());
            return 0;
        }
        return attachStreams ? attachment.relayUntilExit() : attachment.untilExit();
    }
}
