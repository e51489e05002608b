package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.Targets;
import dev.vaina.store.ContainerRecord;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina logs`: what containers wrote, from the monitor's log files. */
@Command(name = "logs", description = "Print the output of one or more containers.")
public final class LogsCommand extends ContextCommand {
    @Mixin
    LogOptions options;

    @Option(names = {"-l", "--latest"}, description = "The container created last.")
    boolean latest;

    @Parameters(arity = "0..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    protected int execute(Context context) throws Exception {
        var targets = Targets.named(containers).latest(latest).resolve(context.engine().containers());
        List<ContainerRecord> records = new ArrayList<>(); // a loop, not a stream's lambda (see ContainerStore.find)
        for (Targets.Target target : targets) {
            records.add(target.record());
        }
        options.print(context, records, out(), err());
        return 0;
    }
}
