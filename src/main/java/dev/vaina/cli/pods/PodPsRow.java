package dev.vaina.cli.pods;

import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.Instants;
import dev.vaina.spec.NetworkMode;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** One pod as `pod ps --format TEMPLATE` sees it: Podman's pods.ListPodReporter, field by field. */
final class PodPsRow {
    static final String TYPE = "pods.ListPodReporter";

    record Source(PodRecord pod, List<ContainerRecord> containers, List<String> states, String status, Instant now,
            boolean noTrunc, boolean rootless) {
        String id(String id) {
            return noTrunc ? id : id.substring(0, 12);
        }
    }

    private static final Map<String, Function<Source, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("ID", s -> s.id(s.pod.id()));
        FIELDS.put("Name", s -> s.pod.name());
        FIELDS.put("Status", Source::status);
        FIELDS.put("Created", s -> HumanDuration.ago(Instants.parse(s.pod.created()), s.now));
        FIELDS.put("InfraID", s -> s.pod.hasInfra() ? s.id(s.pod.infraId()) : "");
        FIELDS.put("NumberOfContainers", s -> s.containers.size());
        FIELDS.put("Labels", s -> new TreeMap<>(s.pod.labels()));
        FIELDS.put("Networks", s -> networks(s));
        FIELDS.put("ContainerNames", s -> String.join(",", s.containers.stream().map(ContainerRecord::name).toList()));
        FIELDS.put("ContainerIds", s -> String.join(",", s.containers.stream().map(c -> s.id(c.id())).toList()));
        FIELDS.put("ContainerStatuses", s -> String.join(",", s.states));
        FIELDS.put("Cgroup", s -> s.pod.slice() == null ? "" : SlicePath.parent(s.pod.slice()));
        FIELDS.put("Namespace", s -> "");
    }

    /**
     * Podman 4.3's column titles: its table has none for ID and Networks, so a table template prints
     * "&lt;no value&gt;" above those columns, and scripts that read Podman's output skip that line as it is.
     */
    static final Map<String, String> HEADERS;

    static {
        Map<String, String> headers = new LinkedHashMap<>(OutputFormat.headers(FIELDS.keySet(), Map.of("InfraID",
                "INFRA ID", "NumberOfContainers", "# OF CONTAINERS", "ContainerNames", "NAMES", "ContainerIds", "IDS",
                "ContainerStatuses", "STATUS")));
        headers.remove("ID");
        headers.remove("Networks");
        HEADERS = headers;
    }

    private PodPsRow() {
    }

    static GoStruct of(Source source) {
        return OutputFormat.row(TYPE, FIELDS, source);
    }

    /**
     * The networks the pod's infra container joins, comma-separated, as Podman names them: the rootful default
     * bridge is its "podman" network; the other modes (rootless user-mode networking, host, none) join none.
     */
    private static String networks(Source source) {
        return source.containers.stream().filter(ContainerRecord::infra)
                .filter(c -> !source.rootless && c.config().network().networkMode().kind() == NetworkMode.Kind.DEFAULT)
                .map(c -> "podman").findFirst().orElse("");
    }
}
