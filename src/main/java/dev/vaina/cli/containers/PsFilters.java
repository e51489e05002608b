package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.spec.Instants;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * `ps --filter KEY=VALUE ...`, combined as Podman 4.3 combines them: the values of one key are alternatives
 * (label= excepted: every label given must be there), and a container must match every key given.
 * {@link #parse} checks the text alone; {@link #resolve} looks up what the values name (the containers of
 * before= and since=, pods, networks), as Podman does before it lists anything.
 */
final class PsFilters {
    private static final List<String> KEYS = List.of("ancestor", "before", "exited", "health", "id", "label", "name",
            "network", "pod", "since", "status", "volume");
    private static final List<String> HEALTHS = List.of("healthy", "unhealthy", "starting", "none");
    /** The states Podman's filter accepts; stopped counts as exited, configured as created. */
    private static final List<String> STATUSES = List.of("configured", "created", "exited", "paused", "removing",
            "running", "stopped", "stopping", "unknown");

    private final Map<String, List<String>> values;
    private Instant before;
    private Instant since;
    private final Set<String> podIds = new HashSet<>();
    private final Set<String> networkNames = new HashSet<>();
    private final Set<String> networkContainerIds = new HashSet<>();

    private PsFilters(Map<String, List<String>> values) {
        this.values = values;
    }

    static PsFilters parse(List<String> texts) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String text : texts) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new InvalidSpecException("invalid filter \"" + text + "\"");
            }
            String key = text.substring(0, eq);
            String value = text.substring(eq + 1);
            if (!KEYS.contains(key)) {
                throw new InvalidSpecException(key + " is an invalid filter");
            }
            check(key, value);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return new PsFilters(values);
    }

    private static void check(String key, String value) {
        switch (key) {
            case "status" -> {
                if (!STATUSES.contains(value)) {
                    throw new InvalidSpecException("unknown container state: " + value + ": invalid argument");
                }
            }
            case "health" -> {
                if (!HEALTHS.contains(value)) {
                    throw new InvalidSpecException("invalid health \"" + value + "\": must be one of " + HEALTHS);
                }
            }
            case "exited" -> exitCode(value);
            default -> { }
        }
    }

    /** Go's ParseInt(value, 10, 32), failing with Podman's words (its %q of the parsed number included). */
    private static int exitCode(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            boolean outOfRange = value.matches("[+-]?[0-9]+");
            throw new InvalidSpecException("exited code out of range " + (outOfRange ? "'\uFFFD'" : "'\\x00'")
                    + ": strconv.ParseInt: parsing " + goQuote(value) + ": "
                    + (outOfRange ? "value out of range" : "invalid syntax"));
        }
    }

    private static String goQuote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Looks up the containers, pods and networks the filters name; a missing before= or since= container fails. */
    PsFilters resolve(Context context) throws IOException {
        before = earliestCreated(context, values.getOrDefault("before", List.of()));
        since = earliestCreated(context, values.getOrDefault("since", List.of()));
        for (String pod : values.getOrDefault("pod", List.of())) {
            context.engine().podStore().lookup(pod).map(PodRecord::id).ifPresent(podIds::add);
        }
        for (String network : values.getOrDefault("network", List.of())) {
            if (network.startsWith("container:")) {
                context.containers().lookup(network.substring("container:".length()))
                        .ifPresent(r -> networkContainerIds.add(r.id()));
            } else {
                context.engine().networks().lookup(network).map(NetworkDefinition::name).ifPresent(networkNames::add);
            }
        }
        return this;
    }

    /** Podman compares with the earliest of the containers named. */
    private static Instant earliestCreated(Context context, List<String> names) throws IOException {
        Instant earliest = null;
        for (String name : names) {
            Instant created = Instants.parse(context.containers().find(name).created());
            earliest = earliest == null || created.isBefore(earliest) ? created : earliest;
        }
        return earliest;
    }

    /** Whether a listed container passes every filter; networks are read only when a network= filter asks. */
    boolean matches(PsCommand.Row row, Context context) throws IOException {
        for (Map.Entry<String, List<String>> filter : values.entrySet()) {
            if (!matches(filter.getKey(), filter.getValue(), row, context)) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(String key, List<String> alternatives, PsCommand.Row row, Context context) throws IOException {
        ContainerRecord record = row.record();
        return switch (key) {
            case "label" -> alternatives.stream().allMatch(label -> hasLabel(record.config().labels(), label));
            case "before" -> Instants.parse(record.created()).isBefore(before);
            case "since" -> Instants.parse(record.created()).isAfter(since);
            case "pod" -> record.inPod() && podIds.contains(record.pod());
            case "network" -> onNetwork(record, context);
            default -> {
                for (String value : alternatives) {
                    if (matchesOne(key, value, row)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    private static boolean matchesOne(String key, String value, PsCommand.Row row) {
        ContainerRecord record = row.record();
        return switch (key) {
            case "name" -> Pattern.compile(value).matcher(record.name()).find();
            case "id" -> Pattern.compile(value).matcher(record.id()).find();
            case "status" -> status(row).equals(value.equals("stopped") ? "exited" : value);
            case "health" -> value.equals(row.health().isEmpty() ? "none" : row.health());
            case "exited" -> row.state().status().equals(ContainerState.EXITED) && row.state().exitCode() == exitCode(value);
            case "ancestor" -> isAncestor(record, value);
            case "volume" -> mounts(record, value);
            default -> false;
        };
    }

    private static String status(PsCommand.Row row) {
        return row.paused() ? "paused" : row.state().status();
    }

    /** label=KEY matches any value of KEY, label=KEY=VALUE only that value. */
    private static boolean hasLabel(Map<String, String> labels, String value) {
        int eq = value.indexOf('=');
        return eq < 0 ? labels.containsKey(value) : value.substring(eq + 1).equals(labels.get(value.substring(0, eq)));
    }

    /**
     * As Podman 4.3: the image's full id, the full name the container was made from, or that name without its
     * tag when the tag is latest. Neither short ids nor digests match there, so they match nothing here.
     */
    private static boolean isAncestor(ContainerRecord record, String value) {
        String name = record.imageName();
        return value.equals(record.imageId()) || value.equals(name)
                || name.endsWith(":latest") && value.equals(name.substring(0, name.length() - ":latest".length()));
    }

    /** volume=SOURCE or SOURCE:DESTINATION, SOURCE a volume's name or a bind mount's host path. */
    private static boolean mounts(ContainerRecord record, String value) {
        int colon = value.indexOf(':');
        String source = colon < 0 ? value : value.substring(0, colon);
        String destination = colon < 0 ? null : value.substring(colon + 1);
        for (VolumeMount mount : record.config().volumes()) {
            if (!mount.isTmpfs() && source.equals(mount.source())
                    && (destination == null || destination.isEmpty() || destination.equals(mount.destination()))) {
                return true;
            }
        }
        return false;
    }

    private boolean onNetwork(ContainerRecord record, Context context) throws IOException {
        NetworkMode mode = record.config().network().networkMode();
        if (mode.kind() == NetworkMode.Kind.CONTAINER) {
            Optional<ContainerRecord> holder = context.containers().lookup(mode.value());
            return holder.isPresent() && networkContainerIds.contains(holder.get().id());
        }
        return context.engine().networks().attachments(record).stream().anyMatch(a -> networkNames.contains(a.network()));
    }
}
