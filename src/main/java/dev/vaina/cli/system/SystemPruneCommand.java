package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;

import dev.vaina.cli.images.ImagePruneCommand;
import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageRecord;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `vaina system prune`: every container that does not run, every pod none of whose containers runs, and the
 * dangling images (with -a every image no container uses), in Podman's sections.
 */
@Command(name = "prune", description = "Remove unused containers, pods and images.")
public final class SystemPruneCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Remove every image no container uses, not only dangling ones.")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation (vaina never asks).")
    boolean force;

    @Option(names = "--volumes", description = "Also remove unused volumes (vaina has no named volumes yet: nothing to remove).")
    boolean volumes;

    @Override
    protected int execute(Context context) throws Exception {
        List<PodRecord> pods = context.engine().pods().prune();
        List<ContainerRecord> containers = context.engine().containers().prune();
        List<ImageRecord> images = ImagePruneCommand.prune(context, all);
        section("Deleted Pods", pods.stream().map(PodRecord::id).toList());
        section("Deleted Containers", containers.stream().map(ContainerRecord::id).toList());
        section("Deleted Images", images.stream().map(ImageRecord::id).toList());
        long reclaimed = images.stream().mapToLong(ImageRecord::size).sum();
        out().println("Total reclaimed space: " + HumanSize.compact(reclaimed));
        out().flush();
        return 0;
    }

    private void section(String title, List<String> ids) {
        if (!ids.isEmpty()) {
            out().println(title);
            ids.forEach(out()::println);
        }
    }
}
