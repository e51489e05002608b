package dev.vaina.cli.volumes;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina volume prune`: removes every volume no container uses. */
@Command(name = "prune", description = "Remove all volumes no container uses.")
final class VolumePruneCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation (vaina never asks).")
    boolean force;

    @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "Prune only the volumes that match (label=, label!=, name=...).")
    List<String> filters = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        var volumes = context.engine().volumes();
        VolumeFilter filter = VolumeFilter.parse(filters, volumes, context.containers().list());
        for (String pruned : volumes.prune(filter)) {
            out().println(pruned);
        }
        out().flush();
        return 0;
    }
}
