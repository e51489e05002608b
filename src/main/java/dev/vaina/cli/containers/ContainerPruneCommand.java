package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;

import dev.vaina.store.ContainerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina container prune`: removes every container that does not run, printing each ID. */
@Command(name = "prune", description = "Remove all non-running containers.")
public final class ContainerPruneCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation (vaina never asks).")
    boolean force;

    @Override
    protected int execute(Context context) throws Exception {
        for (ContainerRecord record : context.engine().containers().prune()) {
            out().println(record.id());
        }
        out().flush();
        return 0;
    }
}
