package dev.vaina.cli.containers;

import dev.vaina.cli.common.GoTime;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoNilMap;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.Instants;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One container as {@code ps --format TEMPLATE} sees it: the fields of Podman 4.3's ps rows, by the same names. */
final class PsRow {
    /** Podman's name for the row type, which its template errors show. */
    private static final String TYPE = "containers.psReporter";

    /** Podman's ListContainerNamespaces, which it fills only for --namespace: vaina's rows leave it empty. */
    private static final GoStruct NO_NAMESPACES = new GoStruct("entities.ListContainerNamespaces",
            namespaceFields());

    private record Source(ContainerRecord record, ContainerState state, long pid, String health, ContainerSize size,
            Instant now,
            boolean noTrunc, String podName, List<String> networks) {
        String status() {
            return HealthStatus.decorate(PsCommand.status(state, now), health);
        }

        String ago() {
            return HumanDuration.ago(Instants.parse(record.created()), now);
        }
    }

    private static final Map<String, Function<Source, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("AutoRemove", s -> s.record.config().autoRemove());
        FIELDS.put("Command", s -> String.join(" ", s.record.args()));
        FIELDS.put("Created", s -> GoTime.format(Instants.parse(s.record.created())));
        FIELDS.put("CreatedAt", s -> GoTime.format(Instants.parse(s.record.created())));
        FIELDS.put("CreatedHuman", Source::ago);
        FIELDS.put("Exited", s -> ContainerState.EXITED.equals(s.state.status()));
        FIELDS.put("ExitedAt", s -> GoTime.unixSeconds(s.state.finishedAt()));
        FIELDS.put("ExitCode", s -> s.state.exitCode());
        FIELDS.put("ID", s -> s.noTrunc ? s.record.id() : s.record.shortId());
        FIELDS.put("Image", s -> s.record.imageName());
        FIELDS.put("ImageID", s -> s.noTrunc || s.record.imageId().length() <= 12 ? s.record.imageId()
                : s.record.imageId().substring(0, 12));
        FIELDS.put("IsInfra", s -> s.record.infra());
        FIELDS.put("Labels", s -> s.record.config().labels().isEmpty() ? GoNilMap.INSTANCE : s.record.config().labels());
        FIELDS.put("Mounts", s -> s.record.config().volumes().stream().map(v -> v.destination()).toList());
        FIELDS.put("Names", s -> s.record.name());
        FIELDS.put("Namespaces", s -> NO_NAMESPACES);
        FIELDS.put("Networks", s -> String.join(",", s.networks));
        FIELDS.put("Pid", s -> s.pid);
        FIELDS.put("Pod", s -> s.record.pod() == null ? "" : s.noTrunc ? s.record.pod() : s.record.pod().substring(0, 12));
        FIELDS.put("PodName", Source::podName);
        FIELDS.put("Ports", s -> PortListing.column(s.record));
        FIELDS.put("RunningFor", Source::ago);
        // without --size Podman prints nothing for it
        FIELDS.put("Size", s -> s.size == null ? "" : s.size.column());
        FIELDS.put("StartedAt", s -> GoTime.unixSeconds(s.state.startedAt()));
        // Podman 4.3 answers {{.State}} with the same words as {{.Status}} ("Up 3 seconds ago"), and scripts
        // written for it compare against them.
        FIELDS.put("State", Source::status);
        FIELDS.put("Status", Source::status);
    }

    static final Map<String, String> HEADERS = OutputFormat.headers(FIELDS.keySet(), Map.of("ID", "CONTAINER ID",
            "Created", "CREATED", "CreatedHuman", "CREATED", "Pod", "POD ID", "PodName", "PODNAME"));

    private PsRow() {
    }

    /**
     * @param podName  its pod's name, when ps was asked for pods (--pod); "" otherwise
     * @param networks the networks it is on
     */
    static GoStruct of(PsCommand.Row row, Instant now, boolean noTrunc, String podName, List<String> networks) {
        Source source = new Source(row.record(), row.state(), row.pid(), row.health(), row.size(), now, noTrunc, podName,
                networks);
        return OutputFormat.row(TYPE, FIELDS, source);
    }

    private static Map<String, Object> namespaceFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : List.of("Cgroup", "IPC", "MNT", "NET", "PIDNS", "User", "UTS")) {
            fields.put(name, "");
        }
        return fields;
    }
}
