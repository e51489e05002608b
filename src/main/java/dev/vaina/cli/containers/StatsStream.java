package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.engine.Waiting;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How `stats` and `pod stats` print: one sample with --no-stream, else Podman's live view, every --interval. */
public final class StatsStream {
    /** Prints one sample. */
    public interface Sample {
        void print(OutputFormat output) throws IOException;
    }

    @Option(names = "--no-stream", description = "Print one sample and exit.")
    boolean noStream;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, table TEMPLATE or a Go TEMPLATE.")
    String format;

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS", defaultValue = "5", description = "Seconds between samples (default 5).")
    int interval;

    /** @param name the template's name in Go's errors ("stats") */
    public void run(String name, PrintWriter out, Sample sample) throws IOException {
        if (interval < 1) {
            throw new CommandFailedException(ExitCodes.ENGINE, "invalid --interval " + interval + ": give at least 1 second");
        }
        OutputFormat output = OutputFormat.forList(format, name);
        while (true) {
            if (!noStream) {
                // Podman's live view: the screen cleared, the cursor home.
                out.print("\033[2J\033[H");
            }
            sample.print(output);
            out.flush();
            if (noStream) {
                return;
            }
            Waiting.sleep(interval * 1000L);
        }
    }
}
