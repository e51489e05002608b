package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.ContainerProcess;
import dev.vaina.store.ContainerRecord;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina top`: the processes of a running container, with ps(1) descriptors as Podman takes them. */
@Command(name = "top", description = "Display the running processes of a container.")
public final class TopCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", paramLabel = "DESCRIPTOR",
            description = "Columns: user, group, pid, ppid, pgid, pcpu, etime, tty, time, args, comm, nice, state, "
                    + "rss, vsz, hpid, huser, hgroup (default: user pid ppid pcpu etime tty time args).")
    List<String> descriptors = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        List<TopDescriptor> columns = TopDescriptor.parseAll(descriptors);
        ContainerRecord record = context.containers().find(container);
        print(columns, context.engine().resources().processes(record), out());
        return 0;
    }

    public static void print(List<TopDescriptor> columns, List<ContainerProcess> processes, java.io.PrintWriter out) {
        String[] headers = new String[columns.size()];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = columns.get(i).header();
        }
        Table table = new Table(headers).minimumWidth(12);
        for (ContainerProcess process : processes) {
            String[] cells = new String[headers.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = columns.get(i).valueOf(process);
            }
            table.add(cells);
        }
        table.print(out);
    }
}
