package dev.vaina.store;

import dev.vaina.spec.Named;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.HealthCheck;
import dev.vaina.spec.ImageConfig;
import java.util.List;

/**
 * What a container is: written when it is created; afterwards only `update` replaces its resource limits,
 * and a rename its name (and its unit once that is not running).
 *
 * @param id        64 hex digits
 * @param created   ISO-8601 instant
 * @param imageId   the image's id (64 hex)
 * @param imageName the name the user gave, fully qualified (e.g. localhost/busybox:latest)
 * @param args      the resolved command line (entrypoint + command), for ps and inspect
 * @param config    what the user asked for
 * @param imageConfig the image's defaults, copied so the container does not depend on the image record
 * @param layers    the image's layers as diff-id hex digests, top-most first (overlay's lowerdir order)
 * @param unit      the systemd unit that runs it
 * @param pod       the id of the pod it belongs to, or null
 * @param infra     whether it is its pod's infra container, which holds the namespaces the members share
 */
public record ContainerRecord(
        String id,
        String name,
        String created,
        String imageId,
        String imageName,
        List<String> args,
        ContainerConfig config,
        ImageConfig imageConfig,
        List<String> layers,
        String unit,
        String pod,
        boolean infra) implements Named {

    public ContainerRecord {
        args = List.copyOf(args);
        layers = List.copyOf(layers);
    }

    public boolean inPod() {
        return pod != null;
    }

    /** The health check that runs: the one given at create, else the image's; null for none. */
    public HealthCheck healthCheck() {
        HealthCheck check = config.healthCheck() != null ? config.healthCheck() : imageConfig.healthCheck();
        return check == null || check.disables() ? null : check;
    }

    /** The same container with other settings (vaina update's limits). */
    public ContainerRecord withConfig(ContainerConfig newConfig) {
        return new ContainerRecord(id, name, created, imageId, imageName, args, newConfig, imageConfig, layers, unit,
                pod, infra);
    }

    /** The same container under another name, run by {@code unit}. */
    public ContainerRecord renamed(String newName, String newUnit) {
        return new ContainerRecord(id, newName, created, imageId, imageName, args, config, imageConfig, layers, newUnit,
                pod, infra);
    }

    public String shortId() {
        return id.substring(0, 12);
    }
}
