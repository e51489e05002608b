package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.Resources;
import dev.vaina.gotemplate.GoStruct;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What `stats` and `pod stats` share: -a, how they stream (--no-stream, --interval, --format), and the three
 * forms a sample prints in (Podman's table, JSON, a template). The verb says only what one sample holds.
 */
public abstract class StatsVerb extends ContextCommand {
    /** One line of a sample, in each form it prints in. */
    public interface Row {
        String[] cells();

        Object json();

        GoStruct struct();
    }

    /** How a verb's sample prints: the table's titles, the titles of `--format "table ..."`, the JSON's layout. */
    public record Layout(String[] headers, Map<String, String> templateHeaders, PodmanJson json) {
    }

    @Option(names = {"-a", "--all"}, description = "Show all, not only the running ones.")
    protected boolean all;

    @Mixin
    StatsStream stream;

    private final String verb;
    private final Layout layout;

    /** @param verb the command, as refusals and template errors name it ("stats", "pod stats") */
    protected StatsVerb(String verb, Layout layout) {
        this.verb = verb;
        this.layout = layout;
    }

    @Override
    protected final int execute(Context context) throws Exception {
        Resources resources = context.engine().resources();
        resources.requireStats(verb);
        choose(context);
        // An anonymous class, not a lambda: a command's first lambda sets the JVM's method-handle machinery up.
        stream.run(verb, out(), new StatsStream.Sample() {
            @Override
            public void print(OutputFormat output) throws IOException {
                printSample(output, sample(context, resources));
            }
        });
        return 0;
    }

    /** Looks up what the user named before the first sample, so a typo fails before the screen is cleared. */
    protected void choose(Context context) throws IOException {
    }

    protected abstract List<? extends Row> sample(Context context, Resources resources) throws IOException;

    private void printSample(OutputFormat output, List<? extends Row> rows) throws IOException {
        if (output.isJson()) {
            out().println(layout.json().format(rows.stream().map(Row::json).toList()));
        } else if (output.isDefault()) {
            Table table = new Table(layout.headers()).minimumWidth(12);
            for (Row row : rows) {
                table.add(row.cells());
            }
            table.print(out());
        } else {
            output.print(out(), rows.stream().map(Row::struct).toList(), layout.templateHeaders());
        }
    }
}
