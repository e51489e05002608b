package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.ContainerFileSystem;
import dev.vaina.engine.ContainerPid;
import dev.vaina.engine.Pausing;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.Instants;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerRecords;
import dev.vaina.store.ContainerState;
import dev.vaina.store.PodRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina ps`: Podman's columns, statuses and filters. */
@Command(name = "ps", description = "List containers.")
public final class PsCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Show all containers, not only running ones.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Print only the container IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate IDs and commands.")
    boolean noTrunc;

    @Option(names = {"-p", "--pod"}, description = "Show the ID and name of each container's pod.")
    boolean pod;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: table (default), json, table TEMPLATE or a Go TEMPLATE such as '{{.Names}} {{.Status}}'.")
    String format;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE", description = "Filter by ancestor=IMAGE, before=CONTAINER,"
            + " since=CONTAINER, exited=CODE, health=healthy|unhealthy|starting|none, id=REGEX, label=KEY[=VALUE],"
            + " name=REGEX, network=NETWORK, pod=POD, status=created|running|paused|exited, volume=SOURCE[:DESTINATION];"
            + " the same key twice means either, different keys must all match.")
    List<String> filters = new ArrayList<>();

    @Option(names = {"-n", "--last"}, paramLabel = "N", defaultValue = "-1", description = "Show the N containers created last, in any state.")
    int last;

    @Option(names = {"-l", "--latest"}, description = "Show the container created last, in any state.")
    boolean latest;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "created",
            description = "Sort by command, created (newest first; default), id, image, names, runningfor, size or status.")
    String sort;

    @Option(names = {"-s", "--size"}, description = "Show the size of each container's writable layer and of its image (virtual).")
    boolean size;

    @Option(names = "--external", description = "Accepted for Podman's scripts: vaina has no containers made by other tools, so nothing is added.")
    boolean external;

    @Override
    protected int execute(Context context) throws Exception {
        if (quiet && size) {
            throw new CommandFailedException(ExitCodes.ENGINE, "quiet conflicts with size and namespace");
        }
        Comparator<Row> order = PsSort.parse(sort);
        OutputFormat output = OutputFormat.forList(format, "ps");
        PsFilters parsed = PsFilters.parse(filters).resolve(context);
        boolean statusFiltered = parsed.has("status");
        int limit = latest ? 1 : last;
        List<Row> rows = new ArrayList<>();
        // Like Podman's, plain `ps` lists running containers only: a paused one shows with -a (or -n, -l). Only the
        // records of those whose state says they run are read, each state once; whether they still run is checked.
        boolean runningOnly = !all && !statusFiltered && limit < 0;
        ContainerRecords records = context.containers();
        if (runningOnly) {
            for (ContainerRecords.Running listed : records.recordedRunning()) {
                addRow(rows, context, parsed, listed.record(), context.engine().containers().currentState(listed), true);
            }
        } else {
            for (ContainerRecord record : records.list()) {
                addRow(rows, context, parsed, record, context.engine().containers().currentState(record), false);
            }
        }
        // Each row's creation time is parsed once, for this order, the user's, and the CREATED column.
        rows.sort(PsSort.NEWEST_FIRST);
        if (limit >= 0 && rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        if (size) {
            rows = withSizes(context, rows);
        }
        rows.sort(order);
        if (quiet) {
            for (Row r : rows) {
                out().println(noTrunc ? r.record.id() : r.record.shortId());
            }
        } else if (output.isJson()) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (Row r : rows) {
                json.add(r.json());
            }
            out().println(PodmanJson.PS.format(json));
        } else if (output.isDefault()) {
            List<String> titles = new ArrayList<>(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS",
                    "NAMES"));
            if (pod) {
                titles.addAll(List.of("POD ID", "PODNAME"));
            }
            if (size) {
                titles.add("SIZE");
            }
            Table table = new Table(titles.toArray(new String[0]));
            Instant now = Instant.now();
            PodNames pods = new PodNames(context);
            for (Row r : rows) {
                String[] cells = {noTrunc ? r.record.id() : r.record.shortId(), r.record.imageName(), command(r.record),
                        HumanDuration.ago(r.created, now), r.paused ? "Paused" : r.status(now),
                        PortListing.column(r.record), r.record.name()};
                if (pod) {
                    cells = pods.withPodColumns(r.record, cells, noTrunc);
                }
                if (size) {
                    cells = Arrays.copyOf(cells, cells.length + 1);
                    cells[cells.length - 1] = r.size.column();
                }
                table.add(cells);
            }
            table.print(out());
        } else {
            Instant now = Instant.now();
            PodNames pods = new PodNames(context);
            List<GoStruct> structs = new ArrayList<>();
            for (Row r : rows) {
                // Podman fills PodName only when --pod asks for the pods
                // (loops, not lambdas: see PsRow.Field)
                Optional<PodRecord> itsPod = pod ? pods.of(r.record) : Optional.empty();
                String podName = itsPod.isPresent() ? itsPod.get().name() : "";
                List<String> networks = new ArrayList<>();
                for (NetworkAttachment attachment : context.engine().networks().attachments(r.record)) {
                    networks.add(attachment.network());
                }
                structs.add(PsRow.of(r, now, noTrunc, podName, networks));
            }
            output.print(out(), structs, PsRow.HEADERS);
        }
        out().flush();
        return 0;
    }

    /** Adds the container's row, if it passes the filters (and runs, for {@code runningOnly}). */
    private static void addRow(List<Row> rows, Context context, PsFilters filters, ContainerRecord record,
            ContainerState state, boolean runningOnly) throws java.io.IOException {
        // Podman's Pid is the container's init, which runs without a monitor once handed over to systemd.
        long pid = state.isRunning() ? ContainerPid.read(context.layout(), record.id()) : 0;
        boolean paused = Pausing.isPaused(context.layout(), record.id(), state, pid);
        if (runningOnly && (!state.isRunning() || paused)) {
            return;
        }
        String health = HealthStatus.of(context.layout(), record, state);
        Row row = new Row(record, Instants.parse(record.created()), state, pid, paused, health, null);
        if (filters.matches(row, context)) {
            rows.add(row);
        }
    }

    /** The rows with what each container wrote and its image's size, for --size. */
    private static List<Row> withSizes(Context context, List<Row> rows) throws java.io.IOException {
        List<Row> sized = new ArrayList<>();
        for (Row r : rows) {
            ContainerFileSystem files = context.engine().containers().fileSystem(r.record);
            sized.add(new Row(r.record, r.created, r.state, r.pid, r.paused, r.health,
                    new ContainerSize(files.writableSize(), files.imageSize())));
        }
        return sized;
    }

    private String command(ContainerRecord record) {
        String command = String.join(" ", record.args());
        return noTrunc || command.length() <= 20 ? command : command.substring(0, 17) + "...";
    }

    static String status(ContainerState state, Instant now) {
        return switch (state.status()) {
            case ContainerState.RUNNING -> "Up " + HumanDuration.ago(Instants.parse(state.startedAt()), now);
            case ContainerState.EXITED -> "Exited (" + state.exitCode() + ") "
                    + HumanDuration.ago(Instants.parse(state.finishedAt()), now);
            default -> "Created";
        };
    }

    /**
     * @param health what its health check found, "" for no check (see {@link HealthStatus})
     * @param size   what it wrote and its image's size, with --size; null otherwise
     */
    /** @param created the record's creation time, parsed once for sorting and printing */
    record Row(ContainerRecord record, Instant created, ContainerState state, long pid, boolean paused, String health,
            ContainerSize size) {
        String status(Instant now) {
            return HealthStatus.decorate(PsCommand.status(state, now), health);
        }

        Map<String, Object> json() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("Id", record.id());
            map.put("Names", List.of(record.name()));
            map.put("Image", record.imageName());
            map.put("ImageID", record.imageId());
            map.put("Command", record.args());
            map.put("Created", record.created());
            map.put("State", paused ? "paused" : state.status());
            map.put("Status", paused ? "Paused" : status(Instant.now()));
            map.put("ExitCode", state.exitCode());
            map.put("Exited", ContainerState.EXITED.equals(state.status()));
            map.put("Pid", pid);
            map.put("StartedAt", state.startedAt());
            map.put("ExitedAt", state.finishedAt());
            List<Map<String, Object>> ports = new ArrayList<>();
            for (dev.vaina.spec.PortMapping port : record.config().network().ports()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("host_ip", port.hostIp());
                json.put("container_port", port.containerPort());
                json.put("host_port", port.hostPort());
                json.put("range", port.range());
                json.put("protocol", port.protocol());
                ports.add(json);
            }
            map.put("Ports", ports);
            if (size != null) {
                map.put("Size", size.json());
            }
            map.put("Labels", Map.of());
            map.put("Unit", record.unit());
            return map;
        }
    }
}
