package dev.vaina.cli.images;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.Table;
import dev.vaina.cli.common.GoTime;

import dev.vaina.gotemplate.GoStruct;
import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageHistory;
import dev.vaina.image.ImageHistory.Entry;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import dev.vaina.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina history`: an image's layers and how they were made, newest first, in Podman's columns. */
@Command(name = "history", description = "Show the history of an image.")
public final class HistoryCommand extends ContextCommand {
    /** Podman cuts CREATED BY at 45 characters, the last three of them "...". */
    private static final int CREATED_BY_WIDTH = 45;

    @Option(names = "--no-trunc", description = "Do not truncate the output.")
    boolean noTrunc;

    @Option(names = {"-q", "--quiet"}, description = "Print the IDs only.")
    boolean quiet;

    @Option(names = {"-H", "--human"}, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Sizes and dates in human-readable form (default).")
    boolean human;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json, table, or a Go template such as '{{.ID}} {{.Size}}'.")
    String format;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String name;

    /** A template's fields, in Podman's order, by the template's names (see {@link OutputFormat#fields}). */
    private enum Field implements Function<Row, Object> {
        ID, Created, CreatedAt, CreatedBy, Size, Comment, Tags;

        static final Map<String, Function<Row, Object>> MAP = OutputFormat.fields(values());

        @Override
        public Object apply(Row r) {
            return switch (this) {
                case ID -> r.id();
                case Created -> r.created();
                case CreatedAt -> GoTime.format(r.entry.created());
                case CreatedBy -> r.createdBy();
                case Size -> r.size();
                case Comment -> r.entry.comment();
                case Tags -> r.entry.tags();
            };
        }
    }

    private record Row(Entry entry, boolean noTrunc, boolean human, Instant now) {
        String id() {
            return noTrunc || entry.id().equals(ImageHistory.MISSING) ? entry.id() : entry.id().substring(0, 12);
        }

        String created() {
            return human ? HumanDuration.ago(entry.created(), now) : entry.created().toString();
        }

        String createdBy() {
            String text = entry.createdBy();
            return noTrunc || text.length() <= CREATED_BY_WIDTH ? text : text.substring(0, CREATED_BY_WIDTH - 3) + "...";
        }

        String size() {
            return human ? HumanSize.format(entry.size()) : Long.toString(entry.size());
        }
    }

    @Override
    protected int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(format, "history");
        ImageRecord image = context.images().require(name);
        List<Entry> entries = ImageHistory.of(context.images(), image);
        Instant now = Instant.now();
        if (quiet) {
            for (Entry entry : entries) {
                out().println(new Row(entry, noTrunc, human, now).id());
            }
        } else if (output.isJson()) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (Entry entry : entries) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("id", entry.id());
                map.put("created", entry.created().toString());
                map.put("CreatedBy", entry.createdBy());
                map.put("size", entry.size());
                map.put("comment", entry.comment());
                json.add(map);
            }
            out().println(Json.compact().asString(json));
        } else if (output.isDefault()) {
            Table table = new Table("ID", "CREATED", "CREATED BY", "SIZE", "COMMENT").minimumWidth(12);
            for (Entry entry : entries) {
                Row row = new Row(entry, noTrunc, human, now);
                table.add(row.id(), row.created(), row.createdBy(), row.size(), entry.comment());
            }
            table.print(out());
        } else {
            List<GoStruct> rows = new ArrayList<>();
            for (Entry entry : entries) {
                rows.add(OutputFormat.row("images.historyReporter", Field.MAP, new Row(entry, noTrunc, human, now)));
            }
            output.print(out(), rows, OutputFormat.headers(Field.MAP.keySet(), Map.of("CreatedBy", "CREATED BY")));
        }
        out().flush();
        return 0;
    }
}
