package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.store.PodRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina pod prune`: removes every pod none of whose containers runs. */
@Command(name = "prune", description = "Remove all stopped pods and their containers.")
final class PodPruneCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation (vaina never asks).")
    boolean force;

    @Override
    protected int execute(Context context) throws Exception {
        for (PodRecord pod : context.engine().pods().prune()) {
            out().println(pod.id());
        }
        out().flush();
        return 0;
    }
}
