package dev.vaina.cli;

import dev.vaina.engine.Containers;
import dev.vaina.store.ContainerRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina start`: start created or exited containers. */
@Command(name = "start", description = "Start one or more containers.")
final class StartCommand extends ContextCommand {
    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    int execute(Context context) throws Exception {
        Containers containers = context.engine().containers();
        return EachContainer.apply(context, names, err(), record -> {
            containers.start(record);
            out().println(EachContainer.echo(record));
        });
    }
}
