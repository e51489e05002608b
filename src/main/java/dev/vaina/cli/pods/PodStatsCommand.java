package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.Table;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.engine.Liveness;
import dev.vaina.engine.Resources;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.vaina.cli.containers.StatsStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod stats`: what each container of pods uses, read from their cgroups; running pods unless -a or named. */
@Command(name = "stats", description = "Display a live stream of resource usage statistics for the containers in pods.")
final class PodStatsCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Show all pods, not only running ones.")
    boolean all;

    @Mixin
    StatsStream stream;

    @Parameters(paramLabel = "POD")
    List<String> names = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        Resources resources = context.engine().resources();
        resources.requireStats("pod stats");
        List<PodRecord> pods = pods(context);
        stream.run("pod stats", out(), output -> {
            List<PodStatsRow> rows = new ArrayList<>();
            for (PodRecord pod : pods) {
                for (ContainerRecord container : byId(context.engine().pods().containers(pod))) {
                    boolean running = Liveness.reconcile(context.containers(), container).isRunning();
                    rows.add(new PodStatsRow(pod, container, running ? resources.usage(container) : null));
                }
            }
            if (output.isJson()) {
                out().println(PodmanJson.INSPECT.format(rows.stream().map(PodStatsRow::fields).toList()));
            } else if (output.isDefault()) {
                Table table = new Table(PodStatsRow.HEADERS).minimumWidth(12);
                rows.forEach(row -> table.add(row.cells()));
                table.print(out());
            } else {
                output.print(out(), rows.stream().map(PodStatsRow::struct).toList(), PodStatsRow.TEMPLATE_HEADERS);
            }
        });
        return 0;
    }

    private List<PodRecord> pods(Context context) throws IOException {
        List<PodRecord> pods = new ArrayList<>();
        if (!names.isEmpty()) {
            for (String name : names) {
                pods.add(context.engine().podStore().find(name));
            }
            return pods;
        }
        for (PodRecord pod : context.engine().podStore().list()) {
            if (all || context.engine().pods().containerStates(context.engine().pods().containers(pod)).contains("running")) {
                pods.add(pod);
            }
        }
        return pods;
    }

    /** A pod's containers in the order Podman's table shows them: by id. */
    static List<ContainerRecord> byId(List<ContainerRecord> containers) {
        return containers.stream().sorted(Comparator.comparing(ContainerRecord::id)).toList();
    }
}
