package dev.vaina.cli.containers;

import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import java.util.List;
import java.util.regex.Pattern;

/** One `ps --filter KEY=VALUE`. */
record PsFilter(String key, String value) {
    private static final List<String> KEYS = List.of("name", "status", "id", "label");
    private static final List<String> STATUSES = List.of("created", "running", "exited");

    static PsFilter parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InvalidSpecException("invalid filter \"" + text + "\": must be KEY=VALUE with KEY one of " + KEYS);
        }
        PsFilter filter = new PsFilter(text.substring(0, eq), text.substring(eq + 1));
        if (!KEYS.contains(filter.key)) {
            throw new InvalidSpecException("invalid filter \"" + filter.key + "\": must be one of " + KEYS);
        }
        if (filter.key.equals("status") && !STATUSES.contains(filter.value)) {
            throw new InvalidSpecException("invalid status \"" + filter.value + "\": must be one of " + STATUSES);
        }
        return filter;
    }

    /** label=KEY matches any value of KEY, label=KEY=VALUE only that value, as Podman's filter does. */
    private boolean hasLabel(java.util.Map<String, String> labels) {
        int eq = value.indexOf('=');
        return eq < 0 ? labels.containsKey(value) : value.substring(eq + 1).equals(labels.get(value.substring(0, eq)));
    }

    boolean matches(ContainerRecord record, ContainerState state) {
        return switch (key) {
            case "name" -> Pattern.compile(value).matcher(record.name()).find();
            case "status" -> value.equals(state.status());
            case "id" -> record.id().startsWith(value);
            case "label" -> hasLabel(record.config().labels());
            default -> false;
        };
    }
}
