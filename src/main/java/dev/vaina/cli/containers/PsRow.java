package dev.vaina.cli.containers;

import dev.vaina.cli.common.GoTime;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoNilMap;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.Instants;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.spec.VolumeMount;
import java.time.Instant;
import java.util.ArrayList;
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

    /** The fields, in Podman's order, by the template's names (see {@link OutputFormat#fields}). */
    private enum Field implements Function<Source, Object> {
        AutoRemove, Command, Created, CreatedAt, CreatedHuman, Exited, ExitedAt, ExitCode, ID, Image, ImageID, IsInfra,
        Labels, Mounts, Names, Namespaces, Networks, Pid, Pod, PodName, Ports, RunningFor, Size, StartedAt, State,
        Status;

        @Override
        public Object apply(Source s) {
            ContainerRecord record = s.record;
            return switch (this) {
                case AutoRemove -> record.config().autoRemove();
                case Command -> String.join(" ", record.args());
                case Created, CreatedAt -> GoTime.format(Instants.parse(record.created()));
                case CreatedHuman, RunningFor -> s.ago();
                case Exited -> ContainerState.EXITED.equals(s.state.status());
                case ExitedAt -> GoTime.unixSeconds(s.state.finishedAt());
                case ExitCode -> s.state.exitCode();
                case ID -> s.noTrunc ? record.id() : record.shortId();
                case Image -> record.imageName();
                case ImageID -> s.noTrunc || record.imageId().length() <= 12 ? record.imageId()
                        : record.imageId().substring(0, 12);
                case IsInfra -> record.infra();
                case Labels -> record.config().labels().isEmpty() ? GoNilMap.INSTANCE : record.config().labels();
                case Mounts -> destinations(record);
                case Names -> record.name();
                case Namespaces -> NO_NAMESPACES;
                case Networks -> String.join(",", s.networks);
                case Pid -> s.pid;
                case Pod -> record.pod() == null ? "" : s.noTrunc ? record.pod() : record.pod().substring(0, 12);
                case PodName -> s.podName;
                case Ports -> PortListing.column(record);
                // without --size Podman prints nothing for it
                case Size -> s.size == null ? "" : s.size.column();
                case StartedAt -> GoTime.unixSeconds(s.state.startedAt());
                // Podman 4.3 answers {{.State}} with the same words as {{.Status}} ("Up 3 seconds ago"), and
                // scripts written for it compare against them.
                case State, Status -> s.status();
            };
        }

        private static List<String> destinations(ContainerRecord record) {
            List<String> destinations = new ArrayList<>();
            for (VolumeMount volume : record.config().volumes()) {
                destinations.add(volume.destination());
            }
            return destinations;
        }
    }

    private static final Map<String, Function<Source, Object>> FIELDS = OutputFormat.fields(Field.values());

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
