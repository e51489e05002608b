package dev.vaina.cli.pods;

import dev.vaina.cli.containers.LogOptions;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina pod logs`: what every container of a pod wrote, each line starting with its container's short id
 * (its name with --names), as `logs` prints several containers; or one member's alone with -c.
 */
@Command(name = "logs", description = "Print the output of the containers of a pod.")
final class PodLogsCommand extends ContextCommand {
    @Mixin
    LogOptions options;

    @Option(names = {"-c", "--container"}, paramLabel = "CONTAINER", description = "Only this container of the pod.")
    String container;

    @Parameters(index = "0", paramLabel = "POD")
    String pod;

    @Override
    protected int execute(Context context) throws Exception {
        PodRecord record = context.engine().podStore().find(pod);
        List<ContainerRecord> containers = context.engine().podContainers().of(record);
        if (container != null) {
            ContainerRecord named = context.containers().find(container);
            if (!record.id().equals(named.pod())) {
                throw new CommandFailedException(ExitCodes.ENGINE, "container " + container + " is not in pod "
                        + record.name() + ": no such container");
            }
            containers = List.of(named);
        }
        options.print(context, containers, out(), err());
        return 0;
    }
}
