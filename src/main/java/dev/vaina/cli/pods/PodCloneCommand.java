package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.store.PodRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod clone`: a new pod with the same configuration and a clone of each of its containers. */
@Command(name = "clone", description = "Create a copy of an existing pod and its containers.")
final class PodCloneCommand extends ContextCommand {
    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "The new pod's name (default: the source's with -clone).")
    String name;

    @Option(names = "--destroy", description = "Remove the source pod once the clone exists.")
    boolean destroy;

    @Option(names = "--start", description = "Start the clone.")
    boolean start;

    @Parameters(index = "0", paramLabel = "POD")
    String pod;

    @Override
    protected int execute(Context context) throws Exception {
        PodRecord source = context.engine().podStore().find(pod);
        if (name != null) {
            dev.vaina.spec.Names.require("pod", name);
        }
        PodRecord clone = context.engine().pods().cloneOf(source, name, destroy, start);
        out().println(clone.id());
        return 0;
    }
}
