package dev.vaina.unit;

/**
 * The name of a pod's systemd slice, in --cgroup-parent's slice or vaina.slice. A dash in a slice's name makes a
 * level of the hierarchy (systemd.slice(5)), so what names the pod must have none: a pod made by the command line
 * is named by its id; a pod a definition file makes, by its name with each dash escaped as systemd escapes it,
 * since its units are written before the pod, made afresh at every start, has an id.
 */
public final class PodSlices {
    private static final String DEFAULT_PARENT = "vaina.slice";

    private PodSlices() {
    }

    /** vaina-pod_ID12.slice, or PARENT-pod_ID12.slice; {@code parent} null for vaina.slice. */
    public static String byId(String parent, String id) {
        return slice(parent, id.substring(0, 12));
    }

    /** vaina-pod_NAME.slice with NAME's dashes as \x2d: the same at every start of the pod's unit. */
    public static String byName(String parent, String podName) {
        return slice(parent, podName.replace("-", "\\x2d"));
    }

    private static String slice(String parent, String key) {
        String in = parent != null ? parent : DEFAULT_PARENT;
        String prefix = in.equals("-.slice") ? "" : in.substring(0, in.length() - ".slice".length()) + "-";
        return prefix + "pod_" + key + ".slice";
    }
}
