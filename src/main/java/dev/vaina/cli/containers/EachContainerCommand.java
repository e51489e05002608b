package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.Pausing;
import dev.vaina.engine.Targets;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A verb done to each named container in turn, echoing each name it was done to, as Podman's are. */
abstract class EachContainerCommand extends ContextCommand {
    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    protected final int execute(Context context) throws Exception {
        Pausing pausing = context.engine().pausing();
        var targets = Targets.named(names).resolve(context.engine().containers());
        return EachContainer.apply(targets, err(), new EachContainer.Action() {
            @Override
            public void apply(Targets.Target target) throws IOException {
                EachContainerCommand.this.apply(pausing, target.record());
                out().println(target.reference());
            }
        });
    }

    abstract void apply(Pausing pausing, ContainerRecord record) throws IOException;
}
