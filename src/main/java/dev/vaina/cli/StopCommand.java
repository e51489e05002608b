package dev.vaina.cli;

import dev.vaina.engine.Containers;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina stop`: the stop signal, then SIGKILL after the timeout. */
@Command(name = "stop", description = "Stop one or more running containers.")
final class StopCommand extends ContextCommand {
    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds to wait before killing the container (default: its stop timeout).")
    Integer timeout;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    int execute(Context context) throws Exception {
        if (timeout != null && timeout < 0) {
            throw new CommandFailedException(ExitCodes.ENGINE, "invalid --time " + timeout + ": must be 0 or more seconds");
        }
        Containers containers = context.engine().containers();
        return EachContainer.apply(context, names, err(), record -> {
            containers.stop(record, timeout);
            out().println(EachContainer.echo(record));
        });
    }
}
