package dev.vaina.store;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thing that happened to a container, pod or image, as Podman's events report it.
 *
 * @param time       when, to the nanosecond
 * @param type       container, pod or image
 * @param status     what happened: create, start, died, stop, remove, pull, ...
 * @param id         the object's id
 * @param name       its name (an image's: the reference it was pulled or tagged by)
 * @param image      a container's image name; empty otherwise
 * @param exitCode   a died event's exit code; null otherwise
 * @param attributes more about it, as Podman's key=value pairs (containers have no labels yet: empty)
 */
public record Event(Instant time, String type, String status, String id, String name, String image, Integer exitCode,
        Map<String, String> attributes) {

    public Event {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
        image = image == null ? "" : image;
        name = name == null ? "" : name;
        id = id == null ? "" : id;
    }

    public static Event container(String status, ContainerRecord record) {
        return container(status, record, null);
    }

    public static Event container(String status, ContainerRecord record, Integer exitCode) {
        return new Event(Instant.now(), "container", status, record.id(), record.name(), record.imageName(), exitCode,
                Map.of());
    }

    public static Event pod(String status, PodRecord pod) {
        return new Event(Instant.now(), "pod", status, pod.id(), pod.name(), "", null, Map.of());
    }

    public static Event image(String status, String id, String name) {
        return new Event(Instant.now(), "image", status, id, name, "", null, Map.of());
    }

    /** The journal's line: Podman's JSON of an event, keys in Podman's order. */
    String toJson() throws IOException {
        return Json.COMPACT.asString(toMap());
    }

    /** Podman's JSON fields (ContainerExitCode only when set, as Podman omits it when empty). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (exitCode != null) {
            map.put("ContainerExitCode", exitCode);
        }
        map.put("ID", id);
        map.put("Image", image);
        map.put("Name", name);
        map.put("Status", status);
        map.put("Time", rfc3339Nano(time));
        map.put("Type", type);
        map.put("Attributes", new TreeMap<>(attributes));
        return map;
    }

    /** Go's RFC3339Nano: the fraction without trailing zeros (Java's Instant prints them in groups of three). */
    static String rfc3339Nano(Instant time) {
        String text = time.toString();
        return text.contains(".") ? text.replaceAll("\\.?0+Z$", "Z") : text;
    }

    static Event fromJson(String line) throws IOException {
        Map<String, Object> map = Json.COMPACT.mapFrom(line);
        Object code = map.get("ContainerExitCode");
        Map<String, String> attributes = new TreeMap<>();
        if (map.get("Attributes") instanceof Map<?, ?> attrs) {
            attrs.forEach((k, v) -> attributes.put(String.valueOf(k), String.valueOf(v)));
        }
        return new Event(Instant.parse((String) map.get("Time")), (String) map.get("Type"), (String) map.get("Status"),
                (String) map.get("ID"), (String) map.get("Name"), (String) map.get("Image"),
                code == null ? null : ((Number) code).intValue(), attributes);
    }
}
