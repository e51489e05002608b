package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.PodmanJson;
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
import picocli.CommandLine.Parameters;

/** `vaina stats`: what containers use, read from their cgroups; running containers unless -a or named. */
@Command(name = "stats", description = "Display a live stream of container resource usage statistics.")
public final class StatsCommand extends StatsVerb {
    @Parameters(paramLabel = "CONTAINER")
    List<String> names = new ArrayList<>();

    private final Map<String, ResourceUsage> previous = new HashMap<>();

    public StatsCommand() {
        super("stats", new Layout(StatsRow.HEADERS, StatsRow.TEMPLATE_HEADERS, PodmanJson.STATS));
    }

    @Override
    protected List<StatsRow> sample(Context context, Resources resources) throws IOException {
        List<StatsRow> rows = new ArrayList<>();
        for (ContainerRecord record : containers(context)) {
            ResourceUsage usage = resources.usage(record);
            ResourceUsage before = previous.put(record.id(), usage);
            rows.add(new StatsRow(record, usage, cpuPercent(before, usage)));
        }
        return rows;
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
            if (all || context.engine().containers().currentState(record).isRunning()) {
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
}
