package dev.vaina.cli.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The skeleton the listing verbs of networks, volumes and pods share, as Podman's do: -q for the identifiers
 * alone, --format (the table, json, or a template) and repeatable --filter KEY=VALUE options, whose keys each
 * verb names in its own description. The verb says what its rows are and how each form shows one.
 *
 * @param <R> one listed thing, with what its columns need
 */
public abstract class ListVerb<R> extends ContextCommand {
    @Option(names = {"-q", "--quiet"}, description = "Print only the identifier of each: a network's or volume's name, a pod's ID.")
    protected boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, table TEMPLATE or a Go TEMPLATE such as '{{.Name}}'.")
    String format;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE", description = "Show only what matches (repeatable: all must match; the keys are in the description above).")
    protected List<String> filters = new ArrayList<>();

    private final String templateName;

    /** @param templateName the template's name in Go's errors ("ls", "list", "ps") */
    protected ListVerb(String templateName) {
        this.templateName = templateName;
    }

    @Override
    protected final int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(format, templateName);
        List<R> rows = rows(context);
        if (quiet) {
            rows.forEach(row -> out().println(identifier(row)));
        } else if (output.isJson()) {
            out().println(PodmanJson.PS.format(rows.stream().map(this::json).toList()));
        } else if (output.isDefault()) {
            printTable(rows);
        } else {
            output.print(out(), templateData(context, rows), templateHeaders());
        }
        out().flush();
        return 0;
    }

    /** What --filter leaves, in the order the verb lists it. */
    protected abstract List<R> rows(Context context) throws IOException;

    /** What -q prints. */
    protected abstract String identifier(R row);

    /** One element of Podman's JSON list. */
    protected abstract Object json(R row);

    /** The default table, in Podman's columns. */
    protected abstract void printTable(List<R> rows);

    /** The rows as --format templates see them. */
    protected abstract List<?> templateData(Context context, List<R> rows);

    /** The titles of `--format "table ..."`, or null for none. */
    protected abstract Map<String, String> templateHeaders();
}
