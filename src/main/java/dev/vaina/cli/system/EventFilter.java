package dev.vaina.cli.system;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;

import dev.vaina.store.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `events --filter KEY=VALUE`, as Podman's: values of one key are alternatives, different keys must all
 * match. container=, pod= and image= take a name or an ID (prefix).
 */
final class EventFilter {
    private final Map<String, List<String>> values;

    private EventFilter(Map<String, List<String>> values) {
        this.values = values;
    }

    static EventFilter parse(List<String> filters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            String key = eq < 0 ? filter : filter.substring(0, eq);
            if (eq < 0 || !List.of("type", "event", "status", "container", "pod", "image").contains(key)) {
                throw new CommandFailedException(ExitCodes.ENGINE, "invalid filter \"" + filter
                        + "\": use type=, event=, status=, container=, pod= or image=");
            }
            values.computeIfAbsent(key.equals("status") ? "event" : key, k -> new ArrayList<>()).add(filter.substring(eq + 1));
        }
        return new EventFilter(values);
    }

    boolean matches(Event event) {
        for (Map.Entry<String, List<String>> filter : values.entrySet()) {
            boolean any = false;
            for (String value : filter.getValue()) {
                any |= matches(filter.getKey(), value, event);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String key, String value, Event event) {
        return switch (key) {
            case "type" -> event.type().equals(value);
            case "event" -> event.status().equals(value);
            case "image" -> event.image().equals(value) || event.type().equals("image") && names(event, value);
            default -> event.type().equals(key) && names(event, value);
        };
    }

    private static boolean names(Event event, String value) {
        return event.name().equals(value) || !value.isEmpty() && event.id().startsWith(value);
    }
}
