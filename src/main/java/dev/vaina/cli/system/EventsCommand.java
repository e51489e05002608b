package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.containers.LogTime;
import dev.vaina.cli.common.GoTime;

import dev.vaina.engine.Waiting;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.store.Event;
import dev.vaina.store.EventJournal;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `vaina events`: what happened to containers, pods and images, from the journal the engine appends to.
 * Past events first (all of them with --stream=false, those after --since otherwise), then, streaming, each
 * new one as it is appended: the journal is followed, no daemon sends them.
 */
@Command(name = "events", description = "Show container, pod and image events.")
public final class EventsCommand extends ContextCommand {
    /** How often a followed journal is looked at: the delay a live event may have. */
    private static final long FOLLOW_INTERVAL_MS = 100;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
            description = "type=, event= (or status=), container=, pod=, image=; the same key twice means either.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", description = "Events after TIME (RFC 3339, Unix seconds, or a duration back from now: 10m).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Events before TIME; streaming stops then.")
    String until;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json, or a Go template such as '{{.Status}} {{.Name}}'.")
    String format;

    @Option(names = "--stream", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Keep printing new events (default); --stream=false prints the past ones and exits.")
    boolean stream;

    @Option(names = "--no-trunc", description = "Accepted for compatibility: IDs are never truncated.")
    boolean noTrunc;

    @Override
    protected int execute(Context context) throws Exception {
        Instant now = Instant.now();
        Instant from = since == null ? null : LogTime.parse("--since", since, now);
        Instant to = until == null ? null : LogTime.parse("--until", until, now);
        EventFilter filter = EventFilter.parse(filters);
        OutputFormat output = OutputFormat.forObject(format, "events");
        EventJournal journal = context.engine().events();
        EventJournal.Batch batch = journal.read(new EventJournal.Position(null, 0));
        boolean showPast = !stream || from != null;
        Instant last = Instant.MIN;
        for (Event event : batch.events()) {
            last = event.time();
            if (showPast && shown(event, filter, from, to)) {
                print(out(), output, event);
            }
        }
        out().flush();
        EventJournal.Position position = batch.next();
        while (stream && (to == null || Instant.now().isBefore(to))) {
            Waiting.sleep(FOLLOW_INTERVAL_MS);
            batch = journal.read(position);
            position = batch.next();
            for (Event event : batch.events()) {
                // a trimmed journal is read again from its start: skip what was seen
                if (event.time().isAfter(last)) {
                    last = event.time();
                    if (shown(event, filter, from, to)) {
                        print(out(), output, event);
                    }
                }
            }
            out().flush();
            if (out().checkError()) {
                break; // the reader went away (a closed pipe)
            }
        }
        return 0;
    }

    private static boolean shown(Event event, EventFilter filter, Instant from, Instant to) {
        return (from == null || event.time().isAfter(from)) && (to == null || event.time().isBefore(to))
                && filter.matches(event);
    }

    private static void print(PrintWriter out, OutputFormat output, Event event) throws java.io.IOException {
        if (output.isJson()) {
            out.println(event.toJson());
        } else if (output.isDefault()) {
            out.println(line(event));
        } else {
            output.print(out, struct(event), null);
        }
    }

    /**
     * Podman 4.3's line: the time as Go prints it, then the type, the status, the id and, for containers and pods,
     * image, name, a health check's result and attributes.
     */
    static String line(Event event) {
        String head = GoTime.format(event.time()) + " " + event.type() + " " + event.status() + " " + event.id();
        if (event.type().equals(Event.IMAGE)) {
            return head + " " + event.name();
        }
        StringBuilder line = new StringBuilder(head).append(" (image=").append(event.image()).append(", name=")
                .append(event.name());
        if (!event.healthStatus().isEmpty()) {
            line.append(", health_status=").append(event.healthStatus());
        }
        for (Map.Entry<String, String> attribute : new TreeMap<>(event.attributes()).entrySet()) { // no lambda: see ContainerStore.find
            line.append(", ").append(attribute.getKey()).append('=').append(attribute.getValue());
        }
        return line.append(')').toString();
    }

    private static GoStruct struct(Event event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ContainerExitCode", event.exitCode() == null ? 0 : event.exitCode());
        fields.put("ID", event.id());
        fields.put("Image", event.image());
        fields.put("HealthStatus", event.healthStatus());
        fields.put("Name", event.name());
        fields.put("Status", event.status());
        fields.put("Time", GoTime.format(event.time()));
        fields.put("Type", event.type());
        fields.put("Attributes", new TreeMap<>(event.attributes()));
        return new GoStruct("events.Event", fields);
    }
}
