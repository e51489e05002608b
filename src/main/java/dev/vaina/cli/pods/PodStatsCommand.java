package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.containers.StatsVerb;
import dev.vaina.engine.PodContainers;
import dev.vaina.engine.Resources;
import dev.vaina.spec.KeyOrder;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina pod stats`: what each container of pods uses, read from their cgroups; running pods unless -a or named. */
@Command(name = "stats", description = "Display a live stream of resource usage statistics for the containers in pods.")
final class PodStatsCommand extends StatsVerb {
    @Parameters(paramLabel = "POD")
    List<String> names = new ArrayList<>();

    private final List<PodRecord> pods = new ArrayList<>();
    /** The pods' containers as {@link #choose} read them, for the first sample; later samples read them anew. */
    private PodContainers.Members chosen;

    PodStatsCommand() {
        super("pod stats", new StatsVerb.Layout(PodStatsRow.HEADERS, PodStatsRow.TEMPLATE_HEADERS, PodmanJson.INSPECT));
    }

    @Override
    protected void choose(Context context) throws IOException {
        if (!names.isEmpty()) {
            for (String name : names) {
                pods.add(context.engine().podStore().find(name));
            }
            return;
        }
        chosen = context.engine().podContainers().byPod();
        for (PodRecord pod : context.engine().podStore().list()) {
            if (all || context.engine().podContainers().states(chosen.of(pod)).contains("running")) {
                pods.add(pod);
            }
        }
    }

    @Override
    protected List<PodStatsRow> sample(Context context, Resources resources) throws IOException {
        List<PodStatsRow> rows = new ArrayList<>();
        PodContainers.Members containers = chosen != null ? chosen : context.engine().podContainers().byPod();
        chosen = null;
        for (PodRecord pod : pods) {
            for (ContainerRecord container : byId(containers.of(pod))) {
                boolean running = context.engine().containers().currentState(container).isRunning();
                rows.add(new PodStatsRow(pod, container, running ? resources.usage(container) : null));
            }
        }
        return rows;
    }

    /** A pod's containers in the order Podman's table shows them: by id. */
    static List<ContainerRecord> byId(List<ContainerRecord> containers) {
        return containers.stream().sorted(KeyOrder.by(ContainerRecord::id)).toList();
    }
}
