package dev.vaina.cli;

import dev.vaina.engine.Containers;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina wait`: block until containers exit and print their exit codes. */
@Command(name = "wait", description = "Wait for containers to exit and print their exit codes.")
final class WaitCommand extends ContextCommand {
    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    int execute(Context context) throws Exception {
        Containers containers = context.engine().containers();
        return EachContainer.apply(context, names, err(), record -> {
            out().println(containers.waitForExit(record).exitCode());
            out().flush();
        });
    }
}
