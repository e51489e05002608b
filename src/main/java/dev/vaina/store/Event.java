package dev.vaina.store;

import dev.vaina.spec.Instants;
import dev.vaina.spec.json.JsonInput;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * @param healthStatus a health_status event's result (healthy, unhealthy, starting); empty otherwise
 */
public record Event(Instant time, String type, String status, String id, String name, String image, Integer exitCode,
        Map<String, String> attributes, String healthStatus) {
    public static final String IMAGE = "image";

    public Event {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
        image = image == null ? "" : image;
        name = name == null ? "" : name;
        id = id == null ? "" : id;
        healthStatus = healthStatus == null ? "" : healthStatus;
    }

    public Event(Instant time, String type, String status, String id, String name, String image, Integer exitCode,
            Map<String, String> attributes) {
        this(time, type, status, id, name, image, exitCode, attributes, "");
    }

    public static Event container(String status, ContainerRecord record) {
        return container(status, record, null);
    }

    public static Event container(String status, ContainerRecord record, Integer exitCode) {
        return new Event(Instant.now(), "container", status, record.id(), record.name(), record.imageName(), exitCode,
                Map.of());
    }

    /** What one run of a container's health check found, as Podman's health_status event reports it. */
    public static Event health(ContainerRecord record, String healthStatus) {
        return new Event(Instant.now(), "container", "health_status", record.id(), record.name(), record.imageName(),
                null, Map.of(), healthStatus);
    }

    public static Event pod(String status, PodRecord pod) {
        return new Event(Instant.now(), "pod", status, pod.id(), pod.name(), "", null, Map.of());
    }

    /**
     * @param id   the image's id; empty where Podman gives none (loadfromarchive)
     * @param name the name it was pulled, tagged, untagged, removed or pushed by, or the archive saved to or loaded from
     */
    public static Event image(String status, String id, String name) {
        return new Event(Instant.now(), IMAGE, status, id, name, "", null, Map.of());
    }

    /** Podman's JSON of an event, keys in Podman's order: the journal's line and what events --format json prints. */
    public String toJson() {
        JsonOutput out = JsonOutput.compactWithNulls(); // an image event's Attributes are null, not left out
        out.value(toMap());
        return out.toString();
    }

    /**
     * Podman's JSON fields, which it leaves out when empty (ContainerExitCode, an image event's Image, a
     * loaded archive's ID); an image event's Attributes are null there.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (exitCode != null) {
            map.put("ContainerExitCode", exitCode);
        }
        boolean isImage = type.equals(IMAGE);
        putUnlessEmpty(map, "ID", id, isImage);
        putUnlessEmpty(map, "Image", image, isImage);
        map.put("Name", name);
        map.put("Status", status);
        map.put("Time", rfc3339Nano(time));
        map.put("Type", type);
        putUnlessEmpty(map, "health_status", healthStatus, true);
        map.put("Attributes", isImage && attributes.isEmpty() ? null : new TreeMap<>(attributes));
        return map;
    }

    private static void putUnlessEmpty(Map<String, Object> map, String key, String value, boolean omitEmpty) {
        if (!omitEmpty || !value.isEmpty()) {
            map.put(key, value);
        }
    }

    /** Go's RFC3339Nano: the fraction without trailing zeros (Java's Instant prints them in groups of three). */
    static String rfc3339Nano(Instant time) {
        String text = Instants.format(time);
        if (time.getNano() == 0) {
            return text;
        }
        int end = text.length() - 1; // the Z
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        return text.substring(0, end) + "Z";
    }

    static Event fromJson(String line) throws IOException {
        Map<String, Object> map = JsonInput.parseObject(line.getBytes(StandardCharsets.UTF_8), "the event journal");
        Object code = map.get("ContainerExitCode");
        Map<String, String> attributes = new TreeMap<>();
        if (map.get("Attributes") instanceof Map<?, ?> attrs) {
            for (Map.Entry<?, ?> attribute : attrs.entrySet()) { // a loop: no lambda on `events`'s way
                attributes.put(String.valueOf(attribute.getKey()), String.valueOf(attribute.getValue()));
            }
        }
        return new Event(Instants.parse((String) map.get("Time")), (String) map.get("Type"), (String) map.get("Status"),
                (String) map.get("ID"), (String) map.get("Name"), (String) map.get("Image"),
                code == null ? null : ((Number) code).intValue(), attributes, (String) map.get("health_status"));
    }
}
