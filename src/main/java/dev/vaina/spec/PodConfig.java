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
        String exitPolicy) {

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
