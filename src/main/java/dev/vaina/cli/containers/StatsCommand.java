package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.Liveness;
import dev.vaina.engine.ResourceUsage;
import dev.vaina.engine.Resources;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina stats`: what containers use, read from their cgroups. */
@Command(name = "stats", description = "Display a live stream of container resource usage statistics.")
public final class StatsCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Show all containers, not only running ones.")
    boolean all;

    @Mixin
    StatsStream stream;

    @Parameters(paramLabel = "CONTAINER")
    List<String> names = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        Resources resources = context.engine().resources();
        resources.requireStats();
        Map<String, ResourceUsage> previous = new HashMap<>();
        stream.run("stats", out(), output -> {
            List<StatsRow> rows = new ArrayList<>();
            for (ContainerRecord record : containers(context)) {
                ResourceUsage usage = resources.usage(record);
                ResourceUsage before = previous.put(record.id(), usage);
                rows.add(new StatsRow(record, usage, cpuPercent(before, usage)));
            }
            print(output, rows);
        });
        return 0;
    }

    private List<ContainerRecord> containers(Context context) throws IOException {
        if (!names.isEmpty()) {
            List<ContainerRecord> named = new ArrayList<>();
            for (String name : names) {
                named.add(context.containers().find(name));
            }
            return named;
        }
        List<ContainerRecord> listed = new ArrayList<>();
        for (ContainerRecord record : context.containers().list()) {
            if (all || Liveness.reconcile(context.containers(), record).isRunning()) {
                listed.add(record);
            }
        }
        return listed;
    }

    /** The CPU use since the last sample; the first sample has only the average since the start. */
    private static double cpuPercent(ResourceUsage before, ResourceUsage now) {
        if (before == null) {
            return now.averageCpuPercent();
        }
        Duration wall = now.uptime().minus(before.uptime());
        return wall.isZero() || wall.isNegative() ? 0
                : 100.0 * now.cpuTime().minus(before.cpuTime()).toNanos() / wall.toNanos();
    }

    private void print(OutputFormat output, List<StatsRow> rows) throws IOException {
        if (output.isJson()) {
            out().println(PodmanJson.STATS.format(rows.stream().map(StatsRow::json).toList()));
        } else if (output.isDefault()) {
            Table table = new Table(StatsRow.HEADERS).minimumWidth(12);
            rows.forEach(row -> table.add(row.cells()));
            table.print(out());
        } else {
            output.print(out(), rows.stream().map(StatsRow::struct).toList(), StatsRow.TEMPLATE_HEADERS);
        }
        out().flush();
    }
}
