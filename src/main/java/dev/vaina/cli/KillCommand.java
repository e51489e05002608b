package dev.vaina.cli;

import dev.vaina.engine.Containers;
import dev.vaina.spec.Signals;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina kill`: send a signal to the container's main process. */
@Command(name = "kill", description = "Kill one or more running containers with a signal.")
final class KillCommand extends ContextCommand {
    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", defaultValue = "KILL", description = "Signal to send (default: KILL).")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    int execute(Context context) throws Exception {
        int number = Signals.parse(signal);
        Containers containers = context.engine().containers();
        return EachContainer.apply(context, names, err(), record -> {
            containers.kill(record, number);
            out().println(EachContainer.echo(record));
        });
    }
}
