package dev.vaina.unit;

import dev.vaina.spec.Names;
import java.util.HashMap;
import java.util.Map;

/** Renders pod-NAME.service for a pod without an infra container, from templates/pod.service.ftl. */
public final class PodUnitRenderer {
    static final String TEMPLATE = "pod.service.ftl";

    private PodUnitRenderer() {
    }

    public static String renderHolder(String podName, String podId) {
        Names.require("pod", podName);
        if (!podId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("invalid pod id \"" + podId + "\"");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("unitName", "pod-" + podName + ".service");
        values.put("id", podId);
        values.put("name", podName);
        return UnitTemplates.render(TEMPLATE, values, "pod-" + podName + ".service");
    }
}
