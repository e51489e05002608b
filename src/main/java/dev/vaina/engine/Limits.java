package dev.vaina.engine;

import dev.vaina.oci.CgroupLayout;
import dev.vaina.oci.LinuxResources;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.systemd.ManagerScope;
import dev.vaina.unit.ResourceDirective;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's resource limits: refused where they could not hold, and changed on a running container
 * (`vaina update`) in the three places that hold them, without a restart: its record (so the next start
 * keeps them), its unit (systemd's SetUnitProperties) and its own cgroup (the runtime's update).
 */
public final class Limits {
    /** Podman's words for the same case, where Podman only warns and runs the container without its limits. */
    static final String ROOTLESS_V1 = "Resource limits are not supported on cgroups V1 rootless systems";

    private final Engine engine;

    Limits(Engine engine) {
        this.engine = engine;
    }

    /**
     * Rootless on cgroup v1 the runtime cannot make cgroups and the user manager has no controllers to
     * delegate: a cgroup limit could not hold, so it is refused rather than silently dropped.
     */
    public void requireSupported(ResourceLimits limits) {
        if (limits.hasCgroupLimits() && engine.layout().rootless()
                && CgroupLayout.detect().mode() != CgroupLayout.Mode.UNIFIED) {
            throw new EngineException(ROOTLESS_V1 + ": remove --memory, --cpus and the other cgroup limits"
                    + " (--ulimit, --shm-size and --oom-score-adj work), or run on a host with cgroup v2");
        }
    }

    /**
     * A pod's limits are its slice's, which only systemd sets: they hold where the manager controls cgroups,
     * that is on cgroup v2 or in the system manager. A user manager on cgroup v1 controls none, so they are
     * refused there, rootful too, rather than accepted and not enforced.
     */
    public void requireSupportedForPod(ResourceLimits limits) {
        requireSupported(limits);
        if (limits.hasCgroupLimits() && CgroupLayout.detect().mode() != CgroupLayout.Mode.UNIFIED
                && engine.scope() != ManagerScope.SYSTEM) {
            throw new EngineException("pod resource limits are set on the pod's systemd slice, and a systemd user"
                    + " manager controls no cgroups on cgroup v1: use the system manager (--systemd-manager system)"
                    + " or a host with cgroup v2, or set the limits on each container");
        }
    }

    /**
     * Replaces the limits that {@code changes} sets and returns the container as recorded now. A running
     * container gets them at once; a stopped one at its next start.
     */
    public ContainerRecord update(ContainerRecord record, ResourceLimits changes) throws IOException {
        requireSupported(changes);
        ResourceLimits updated = record.config().limits().updatedWith(changes);
        ContainerRecord changed = engine.store().replaceConfig(record, record.config().withLimits(updated));
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (state.isRunning()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (ResourceDirective directive : ResourceDirective.of(updated)) {
                properties.put(directive.busName(), directive.busValue());
            }
            if (!properties.isEmpty()) {
                engine.systemd().setUnitProperties(record.unit(), properties);
            }
            Map<String, Object> resources = LinuxResources.of(updated);
            if (resources != null) {
                RuntimeCall.forRunning(engine.layout(), record.id(), state)
                        .run("update", List.of("--resources", "-"), record.id(), LinuxResources.toJson(resources));
            }
        }
        return changed;
    }
}
