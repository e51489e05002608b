package dev.vaina.cli;

import dev.vaina.engine.Liveness;
import dev.vaina.store.ContainerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina logs`: what the container wrote, from the monitor's log file. */
@Command(name = "logs", description = "Print a container's output.")
final class LogsCommand extends ContextCommand {
    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until the container exits.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "-1", description = "Print only the last N lines (default: all).")
    int tail;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String name;

    @Override
    int execute(Context context) throws Exception {
        ContainerRecord record = context.containers().find(name);
        LogFollower follower = new LogFollower(context.layout().container(record.id()).resolve("ctr.log"), out(), err());
        follower.printExisting(tail);
        if (follow) {
            follower.follow(() -> {
                try {
                    return !Liveness.reconcile(context.containers(), record).isRunning();
                } catch (java.io.IOException e) {
                    return true;
                }
            });
        }
        return 0;
    }
}
