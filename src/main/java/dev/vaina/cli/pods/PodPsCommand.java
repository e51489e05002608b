package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ListVerb;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.PodContainers;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.Instants;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina pod ps` (also `ls`, `list`): Podman's columns, statuses and filters. */
@Command(name = "ps", aliases = {"ls", "list"}, description = {"List pods.",
    "Filters: name=REGEX, id=PREFIX, label=KEY[=VALUE], status=STATE, ctr-names=NAME, ctr-ids=PREFIX."})
final class PodPsCommand extends ListVerb<PodPsCommand.Row> {
    @Option(names = "--no-trunc", description = "Do not truncate IDs.")
    boolean noTrunc;

    @Option(names = "--ctr-names", description = "Show the names of the pod's containers.")
    boolean ctrNames;

    @Option(names = "--ctr-ids", description = "Show the IDs of the pod's containers.")
    boolean ctrIds;

    @Option(names = "--ctr-status", description = "Show the status of the pod's containers.")
    boolean ctrStatus;

    /** A class, not a lambda: a JVM's first lambda costs about 4 ms of every `pod ps`. */
    private static final Comparator<Row> NEWEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Row a, Row b) {
            return b.pod.created().compareTo(a.pod.created());
        }
    };

    PodPsCommand() {
        super("ps");
    }

    @Override
    protected List<Row> rows(Context context) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<PodRecord> pods = context.engine().podStore().list();
        if (pods.isEmpty()) {
            return rows; // no container's record to read
        }
        PodContainers.Members containers = context.engine().podContainers().byPod();
        for (PodRecord pod : pods) {
            Row row = row(context, pod, containers.of(pod));
            boolean matches = true;
            for (String filter : filters) {
                matches = matches && matches(filter, row);
            }
            if (matches) {
                rows.add(row);
            }
        }
        rows.sort(NEWEST_FIRST);
        return rows;
    }

    @Override
    protected String identifier(Row row) {
        return noTrunc ? row.pod.id() : row.pod.shortId();
    }

    @Override
    protected Object json(Row row) {
        return row.json();
    }

    @Override
    protected List<?> templateData(Context context, List<Row> rows) {
        Instant now = Instant.now();
        boolean rootless = context.layout().rootless();
        List<Object> structs = new ArrayList<>(); // a loop, not a stream's lambda: see PsRow.Field
        for (Row r : rows) {
            structs.add(PodPsRow.of(new PodPsRow.Source(r.pod, r.containers, r.states, r.status, now, noTrunc,
                    rootless)));
        }
        return structs;
    }

    @Override
    protected Map<String, String> templateHeaders() {
        return PodPsRow.HEADERS;
    }

    private Row row(Context context, PodRecord pod, List<ContainerRecord> containers) throws IOException {
        List<String> states = context.engine().podContainers().states(containers);
        return new Row(pod, containers, states, dev.vaina.engine.PodStatus.of(states));
    }

    @Override
    protected void printTable(List<Row> rows) {
        List<String> headers = new ArrayList<>(List.of("POD ID", "NAME", "STATUS", "CREATED", "INFRA ID"));
        boolean details = ctrIds || ctrNames || ctrStatus;
        if (ctrIds) {
            headers.add("IDS");
        }
        if (ctrNames) {
            headers.add("NAMES");
        }
        if (ctrStatus) {
            headers.add("STATUS");
        }
        if (!details) {
            headers.add("# OF CONTAINERS");
        }
        Table table = new Table(headers.toArray(new String[0]));
        Instant now = Instant.now();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(noTrunc ? r.pod.id() : r.pod.shortId(), r.pod.name(), r.status,
                    HumanDuration.ago(Instants.parse(r.pod.created()), now),
                    r.pod.hasInfra() ? (noTrunc ? r.pod.infraId() : r.pod.infraId().substring(0, 12)) : ""));
            if (ctrIds) {
                cells.add(PodPsRow.joined(r.containers, true, noTrunc));
            }
            if (ctrNames) {
                cells.add(PodPsRow.joined(r.containers, false, noTrunc));
            }
            if (ctrStatus) {
                cells.add(String.join(",", r.states));
            }
            if (!details) {
                cells.add(Integer.toString(r.containers.size()));
            }
            table.add(cells.toArray(new String[0]));
        }
        table.print(out());
    }

    private static boolean matches(String filter, Row row) {
        int equals = filter.indexOf('=');
        if (equals < 0) {
            throw new InvalidSpecException("invalid filter \"" + filter + "\": expected KEY=VALUE");
        }
        String key = filter.substring(0, equals);
        String value = filter.substring(equals + 1);
        return switch (key) {
            case "name" -> Pattern.compile(value).matcher(row.pod.name()).find();
            case "id" -> row.pod.id().startsWith(value);
            case "label" -> {
                int eq = value.indexOf('=');
                String labelKey = eq < 0 ? value : value.substring(0, eq);
                yield row.pod.labels().containsKey(labelKey)
                        && (eq < 0 || row.pod.labels().get(labelKey).equals(value.substring(eq + 1)));
            }
            case "status" -> {
                List<String> valid = List.of("stopped", "running", "paused", "exited", "dead", "created", "degraded");
                if (!valid.contains(value)) {
                    throw new InvalidSpecException("invalid pod filter status \"" + value + "\": must be one of "
                            + String.join(", ", valid));
                }
                yield row.status.equalsIgnoreCase(value);
            }
            case "ctr-names" -> row.containers.stream().anyMatch(c -> c.name().equals(value));
            case "ctr-ids" -> row.containers.stream().anyMatch(c -> c.id().startsWith(value));
            default -> throw new InvalidSpecException("invalid filter \"" + key
                    + "\": use name, id, label, status, ctr-names or ctr-ids");
        };
    }

    record Row(PodRecord pod, List<ContainerRecord> containers, List<String> states, String status) {
        Map<String, Object> json() {
            Map<String, Object> map = new LinkedHashMap<>();
            List<Map<String, Object>> members = new ArrayList<>();
            for (int i = 0; i < containers.size(); i++) {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("Id", containers.get(i).id());
                member.put("Names", containers.get(i).name());
                member.put("Status", states.get(i));
                members.add(member);
            }
            map.put("Containers", members);
            map.put("Created", pod.created());
            map.put("Id", pod.id());
            map.put("InfraId", pod.hasInfra() ? pod.infraId() : "");
            map.put("Name", pod.name());
            map.put("Status", status);
            map.put("Labels", pod.labels());
            map.put("SystemdUnit", pod.unit());
            return map;
        }
    }
}
