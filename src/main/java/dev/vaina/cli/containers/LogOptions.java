package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.Context;
import dev.vaina.engine.Waiting;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What `logs` and `pod logs` print of the containers they are given, and how: from the monitors' log files. */
public final class LogOptions {
    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until the containers exit.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "-1", description = "Print only the last N lines of each container (default: all).")
    int tail;

    @Option(names = {"-n", "--names"}, description = "Start every line with the container's name (with several containers, lines start with the short ID otherwise).")
    boolean names;

    @Option(names = {"-t", "--timestamps"}, description = "Start every line with the time it was written.")
    boolean timestamps;

    @Option(names = "--since", paramLabel = "TIME", description = "Only lines written at or after TIME: RFC 3339, a date, Unix seconds, or a duration back from now (10m).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only lines written at or before TIME (same forms as --since).")
    String until;

    public void print(Context context, List<ContainerRecord> records, PrintWriter out, PrintWriter err) throws IOException {
        Instant now = Instant.now();
        Instant from = since == null ? null : LogTime.parse("--since", since, now);
        Instant to = until == null ? null : LogTime.parse("--until", until, now);
        List<LogFollower> followers = new ArrayList<>();
        for (ContainerRecord record : records) {
            if (!record.config().log().readable()) {
                throw new CommandFailedException(ExitCodes.ENGINE, "this container is using the '"
                        + record.config().log().driver()
                        + "' log driver, cannot read logs: this container is not logging output");
            }
            String prefix = names ? record.name() + " " : records.size() > 1 ? record.shortId() + " " : "";
            LogFollower follower = new LogFollower(context.layout().containerLog(record), out, err)
                    .showing(prefix, timestamps, from, to);
            follower.printExisting(tail);
            followers.add(follower);
        }
        if (follow) {
            followAll(context, records, followers);
        }
    }

    /** Follows every container until all have exited, printing each one's new lines as they come. */
    private static void followAll(Context context, List<ContainerRecord> records, List<LogFollower> followers)
            throws IOException {
        boolean[] finished = new boolean[records.size()];
        int running = records.size();
        while (running > 0) {
            for (int i = 0; i < records.size(); i++) {
                if (finished[i]) {
                    continue;
                }
                boolean done = !context.engine().containers().currentState(records.get(i)).isRunning();
                followers.get(i).drain();
                if (done) {
                    finished[i] = true;
                    running--;
                }
            }
            Waiting.sleep(25);
        }
    }
}
