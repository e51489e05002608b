package dev.vaina.cli.common;

import dev.vaina.gotemplate.GoNilMap;
import dev.vaina.gotemplate.GoStruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code inspect --format TEMPLATE} evaluates: the very objects the JSON inspect prints, with Podman's
 * structs as structs (a field they lack is an error that names Podman's type) and its maps (labels,
 * annotations, ports, networks) as maps, where a missing key has no value.
 */
public final class InspectData {
    /** Podman's words before an error of a running inspect template. */
    public static final String INSPECT_ERROR = "inspecting object: printing inspect output: ";

    /** Podman evaluates inspect templates against interface values, so its errors name this type at the top. */
    private static final String TOP = "interface {}";
    /** The key a container's network is converted under: an entry of NetworkSettings.Networks. */
    private static final String NETWORK = "Networks.*";
    private static final Set<String> MAPS = Set.of("Labels", "Annotations", "ExposedPorts", "Volumes", "Ports", "Networks");
    private static final Map<String, String> CONTAINER_TYPES = Map.of("", TOP,
            "State", "*define.InspectContainerState", "Config", "*define.InspectContainerConfig",
            "HostConfig", "*define.InspectContainerHostConfig", "RestartPolicy", "*define.InspectRestartPolicy",
            "Mounts", "define.InspectMount", "NetworkSettings", "*define.InspectNetworkSettings",
            InspectData.NETWORK, "*define.InspectAdditionalNetwork");
    /**
     * An image's Config and History are the OCI document as stored, which leaves out empty fields: as maps,
     * a field that Podman would print empty prints as no value instead of failing.
     */
    private static final Set<String> IMAGE_MAPS = Set.of("Labels", "Annotations", "Config", "History");
    private static final Map<String, String> IMAGE_TYPES = Map.of("", TOP, "RootFS", "*inspect.RootFS");

    private InspectData() {
    }

    public static Object container(Map<String, Object> inspected) {
        return convert(goNames(inspected), "", CONTAINER_TYPES, MAPS);
    }

    public static Object image(Map<String, Object> inspected) {
        return convert(goNames(inspected), "", IMAGE_TYPES, IMAGE_MAPS);
    }

    /**
     * A template sees Podman's Go field names, not its JSON names, and the two differ in one field: the JSON's
     * "Id" is the struct's ID. Podman lets the Docker spelling {@code {{.Id}}} through by rewriting exactly that
     * action, and so does vaina; {@code {{len .Id}}} fails in both.
     */
    public static String format(String format) {
        return format == null ? null : format.replace("{{.Id}}", "{{.ID}}");
    }

    private static Map<String, Object> goNames(Map<String, Object> inspected) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : inspected.entrySet()) {
            renamed.put(field.getKey().equals("Id") ? "ID" : field.getKey(), field.getValue());
        }
        return renamed;
    }

    private static Object convert(Object value, String key, Map<String, String> types, Set<String> maps) {
        if (value == null && maps.contains(key)) {
            return GoNilMap.INSTANCE;
        }
        if (value instanceof Map<?, ?> map && key.equals("Networks")) {
            // A container's networks by name: a Go map of Podman's structs.
            Map<String, Object> networks = new LinkedHashMap<>();
            for (Map.Entry<?, ?> network : map.entrySet()) {
                networks.put(String.valueOf(network.getKey()), convert(network.getValue(), NETWORK, types, maps));
            }
            return networks;
        }
        if (value instanceof Map<?, ?> map && !maps.contains(key)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<?, ?> field : map.entrySet()) {
                String name = String.valueOf(field.getKey());
                fields.put(name, convert(field.getValue(), name, types, maps));
            }
            return new GoStruct(types.getOrDefault(key, "struct"), fields);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            for (Object element : list) {
                converted.add(convert(element, key, types, maps));
            }
            return converted;
        }
        return value;
    }
}
