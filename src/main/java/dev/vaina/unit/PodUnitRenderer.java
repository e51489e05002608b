package dev.vaina.unit;

import dev.vaina.spec.Names;
import dev.vaina.spec.ResourceLimits;
import java.util.HashMap;
import java.util.Map;

/** Renders pod-NAME.service for a pod without an infra container, from templates/pod.service.ftl. */
public final class PodUnitRenderer {
    static final String TEMPLATE = "pod.service.ftl";
    static final String SLICE_TEMPLATE = "pod.slice.ftl";

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

    /** The pod's slice with its limits (systemd.resource-control(5), as a container's unit sets them). */
    public static String renderSlice(String slice, String podName, String podId, ResourceLimits limits) {
        Names.require("pod", podName);
        if (!slice.matches("[a-zA-Z0-9:_.\\-]+\\.slice")) {
            throw new IllegalArgumentException("invalid slice name \"" + slice + "\"");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("unitName", slice);
        values.put("id", podId);
        values.put("name", podName);
        values.put("resources", ResourceDirective.lines(limits));
        return UnitTemplates.render(SLICE_TEMPLATE, values, slice);
    }
}
