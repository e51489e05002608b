package dev.vaina.store;

import dev.vaina.spec.Named;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * What a pod is: written once when it is created.
 *
 * @param id          64 hex digits
 * @param name        unique among pods
 * @param created     ISO-8601 instant
 * @param labels      -l/--label
 * @param infraId     the infra container holding the shared namespaces, or null for a pod without one
 * @param shared      the namespaces members share with the infra container (cgroup, ipc, net, pid, uts)
 * @param hostname    --hostname, or null for the pod's name
 * @param exitPolicy  "continue" or "stop": whether the pod stops when its last member exits
 * @param unit        the systemd unit that runs the pod (the infra container's, or a holder's)
 * @param slice       the pod's systemd slice, which holds its limits (null in records of older versions: none)
 * @param shareParent whether the members run in the pod's slice (null in older records: true)
 * @param volumes     bind mounts every container of the pod gets
 * @param limits      the pod's limits, set on its slice
 */
public record PodRecord(
        String id,
        String name,
        String created,
        Map<String, String> labels,
        String infraId,
        List<String> shared,
        String hostname,
        String exitPolicy,
        String unit,
        String slice,
        Boolean shareParent,
        List<VolumeMount> volumes,
        ResourceLimits limits) implements Named {

    public PodRecord {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        limits = limits == null ? ResourceLimits.NONE : limits;
        shareParent = shareParent == null ? Boolean.TRUE : shareParent;
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        shared = shared == null ? List.of() : List.copyOf(shared);
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    /** The slice a container of this pod runs in: the pod's, unless members do not share it; null for the default. */
    public String sliceOf(ContainerRecord container) {
        return container.infra() || shareParent ? slice : null;
    }

    public boolean hasInfra() {
        return infraId != null;
    }

    public boolean shares(String namespace) {
        return shared.contains(namespace);
    }
}
