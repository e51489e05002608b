package dev.vaina.cli.pods;

import dev.vaina.cli.containers.TopCommand;
import dev.vaina.cli.containers.TopDescriptor;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.ContainerProcess;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina pod top`: the processes of every running container of a pod, in one table as `top` lays it out. */
@Command(name = "top", description = "Display the running processes of the containers in a pod.")
final class PodTopCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "POD")
    String pod;

    @Parameters(index = "1..*", paramLabel = "DESCRIPTOR", description = "Columns, as `top` takes them.")
    List<String> descriptors = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        List<TopDescriptor> columns = TopDescriptor.parseAll(descriptors);
        PodRecord record = context.engine().podStore().find(pod);
        List<ContainerProcess> processes = new ArrayList<>();
        for (ContainerRecord container : PodStatsCommand.byId(context.engine().podContainers().of(record))) {
            if (context.engine().containers().currentState(container).isRunning()) {
                processes.addAll(context.engine().resources().processes(container));
            }
        }
        if (processes.isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, "pod top can only be used on pods with at least one"
                    + " running container");
        }
        TopCommand.print(columns, processes, out());
        return 0;
    }
}
