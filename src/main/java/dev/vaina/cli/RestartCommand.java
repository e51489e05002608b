package dev.vaina.cli;

import dev.vaina.engine.Containers;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina restart`: stop (if running), then start. */
@Command(name = "restart", description = "Restart one or more containers.")
final class RestartCommand extends ContextCommand {
    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds to wait before killing the container.")
    Integer timeout;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    int execute(Context context) throws Exception {
        Containers containers = context.engine().containers();
        return EachContainer.apply(context, names, err(), record -> {
            containers.stop(record, timeout);
            containers.start(record);
            out().println(record.id());
        });
    }
}
