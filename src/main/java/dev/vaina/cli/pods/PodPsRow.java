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
import java.util.StringJoiner;
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

    /** The fields, in Podman's order, by the template's names (see {@link OutputFormat#fields}). */
    private enum Field implements Function<Source, Object> {
        ID, Name, Status, Created, InfraID, NumberOfContainers, Labels, Networks, ContainerNames, ContainerIds,
        ContainerStatuses, Cgroup, Namespace;

        @Override
        public Object apply(Source s) {
            PodRecord pod = s.pod;
            return switch (this) {
                case ID -> s.id(pod.id());
                case Name -> pod.name();
                case Status -> s.status;
                case Created -> HumanDuration.ago(Instants.parse(pod.created()), s.now);
                case InfraID -> pod.hasInfra() ? s.id(pod.infraId()) : "";
                case NumberOfContainers -> s.containers.size();
                case Labels -> new TreeMap<>(pod.labels());
                case Networks -> networks(s);
                case ContainerNames -> joined(s.containers, false, s.noTrunc);
                case ContainerIds -> joined(s.containers, true, s.noTrunc);
                case ContainerStatuses -> String.join(",", s.states);
                case Cgroup -> pod.slice() == null ? "" : SlicePath.parent(pod.slice());
                case Namespace -> "";
            };
        }
    }

    /** The members' names or ids, comma-separated. */
    static String joined(List<ContainerRecord> containers, boolean ids, boolean noTrunc) {
        StringJoiner text = new StringJoiner(",");
        for (ContainerRecord container : containers) {
            text.add(!ids ? container.name() : noTrunc ? container.id() : container.shortId());
        }
        return text.toString();
    }

    private static final Map<String, Function<Source, Object>> FIELDS = OutputFormat.fields(Field.values());

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
        for (ContainerRecord container : source.containers) {
            if (container.infra() && !source.rootless
                    && container.config().network().networkMode().kind() == NetworkMode.Kind.DEFAULT) {
                return "podman";
            }
        }
        return "";
    }
}
