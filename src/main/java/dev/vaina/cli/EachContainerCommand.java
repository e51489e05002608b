package dev.vaina.cli;

import dev.vaina.engine.Containers;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A verb done to each named container in turn, echoing each name it was done to, as Podman's are. */
abstract class EachContainerCommand extends ContextCommand {
    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    final int execute(Context context) throws Exception {
        Containers containers = context.engine().containers();
        return EachContainer.apply(context, names, err(), record -> {
            apply(containers, record);
            out().println(EachContainer.echo(record));
        });
    }

    abstract void apply(Containers containers, ContainerRecord record) throws IOException;
}
