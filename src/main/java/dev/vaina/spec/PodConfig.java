package dev.vaina.spec;

import java.util.List;
import java.util.Map;

/**
 * What the user asked for when creating a pod, validated.
 *
 * @param name          the pod's name, or null for a generated one
 * @param labels        -l/--label and --label-file
 * @param infra         whether the pod has an infra container
 * @param infraName     the infra container's name, or null for "<pod id>-infra"
 * @param infraCommand  the infra container's command, or null for the pause process
 * @param infraImage    the infra container's image, or null for vaina's own pause image
 * @param shared        the namespaces the members share (see {@link SharedNamespaces})
 * @param hostname      the pod's host name, or null for the pod's name
 * @param exitPolicy    "continue" (default) or "stop"
 * @param volumes       -v bind mounts every container of the pod gets
 * @param cgroupParent  --cgroup-parent: the systemd slice the pod's slice goes in, or null for vaina.slice
 * @param shareParent   --share-parent: whether the members run in the pod's slice too (the infra always does)
 * @param limits        --memory and --cpus: limits for the whole pod, set on its slice
 */
public record PodConfig(
        String name,
        Map<String, String> labels,
        boolean infra,
        String infraName,
        List<String> infraCommand,
        String infraImage,
        List<String> shared,
        String hostname,
        String exitPolicy,
        List<VolumeMount> volumes,
        String cgroupParent,
        boolean shareParent,
        ResourceLimits limits) {

    /** A pod with no volumes, limits or slice of its own choosing. */
    public PodConfig(String name, Map<String, String> labels, boolean infra, String infraName, List<String> infraCommand,
            String infraImage, List<String> shared, String hostname, String exitPolicy) {
        this(name, labels, infra, infraName, infraCommand, infraImage, shared, hostname, exitPolicy, List.of(), null, true,
                ResourceLimits.NONE);
    }

    public static final String CONTINUE = "continue";
    public static final String STOP = "stop";

    public PodConfig {
        if (name != null) {
            Names.require("pod", name);
        }
        if (infraName != null) {
            Names.require("container", infraName);
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        shared = shared == null ? SharedNamespaces.DEFAULT : List.copyOf(shared);
        infraCommand = infraCommand == null ? null : List.copyOf(infraCommand);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        limits = limits == null ? ResourceLimits.NONE : limits;
        if (cgroupParent != null && !cgroupParent.matches("[a-zA-Z0-9:_.\\-]+\\.slice")) {
            throw new InvalidSpecException("invalid --cgroup-parent \"" + cgroupParent + "\": a pod runs in a systemd"
                    + " slice, so the parent must be a slice name such as my.slice");
        }
        if (exitPolicy == null) {
            exitPolicy = CONTINUE;
        }
        if (!exitPolicy.equals(CONTINUE) && !exitPolicy.equals(STOP)) {
            throw new InvalidSpecException("running pod create option: invalid pod exit policy: \"" + exitPolicy + "\"");
        }
        if (!infra) {
            if (infraName != null || infraCommand != null || infraImage != null) {
                throw new InvalidSpecException("cannot set infra options (--infra-name, --infra-command, --infra-image)"
                        + " on a pod without an infra container (--infra=false)");
            }
            if (!shared.isEmpty() && !shared.equals(SharedNamespaces.DEFAULT)) {
                throw new InvalidSpecException("you cannot share kernel namespaces on the pod level without an infra container");
            }
            shared = List.of();
        }
        if (hostname != null && !shared.contains("uts")) {
            throw new InvalidSpecException("cannot set the pod's hostname: the pod does not share its UTS namespace"
                    + " (add uts to --share)");
        }
    }
}
