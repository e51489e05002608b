package dev.vaina.cli;

import dev.vaina.engine.Containers;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina rm`: remove containers; running ones only with --force. */
@Command(name = "rm", description = "Remove one or more containers.")
final class RmCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Stop and remove running containers too.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    int execute(Context context) throws Exception {
        Containers containers = context.engine().containers();
        return EachContainer.apply(context, names, err(), record -> {
            containers.remove(record, force);
            out().println(record.id());
        });
    }
}
