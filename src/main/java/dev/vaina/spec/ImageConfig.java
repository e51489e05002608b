package dev.vaina.spec;

import java.util.List;

/**
 * The runtime defaults an image carries (the "config" object of an OCI image configuration). Null means
 * the image does not set it. exposedPorts are the keys of ExposedPorts ("80/tcp"), which -P publishes;
 * healthCheck is the Docker format's Healthcheck (Dockerfile's HEALTHCHECK), which OCI images lack.
 * volumes are the keys of Volumes (Dockerfile's VOLUME): each container gets an anonymous volume there.
 */
public record ImageConfig(
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        String user,
        String stopSignal,
        List<String> exposedPorts,
        HealthCheck healthCheck,
        List<String> volumes) {

    public static final ImageConfig EMPTY = new ImageConfig(List.of(), null, null, null, null, null);

    /** An image that exposes no ports. */
    public ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir, String user,
            String stopSignal) {
        this(env, entrypoint, cmd, workingDir, user, stopSignal, List.of());
    }

    public ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir, String user,
            String stopSignal, List<String> exposedPorts) {
        this(env, entrypoint, cmd, workingDir, user, stopSignal, exposedPorts, null);
    }

    public ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir, String user,
            String stopSignal, List<String> exposedPorts, HealthCheck healthCheck) {
        this(env, entrypoint, cmd, workingDir, user, stopSignal, exposedPorts, healthCheck, List.of());
    }

    public ImageConfig {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
    }

    /** The keys of an image configuration's ExposedPorts object ({"80/tcp": {}}); empty for anything else. */
    public static List<String> exposedPortKeys(Object exposedPorts) {
        return keys(exposedPorts);
    }

    /** The paths of an image configuration's Volumes object ({"/data": {}}); empty for anything else. */
    public static List<String> volumePaths(Object volumes) {
        return keys(volumes);
    }

    private static List<String> keys(Object object) {
        return object instanceof java.util.Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList()
                : List.of();
    }

    /**
     * An image configuration's Healthcheck object ({"Test": [...], "Interval": ns, ...}); null when it has
     * none, or an unusable one (no test), which Docker and Podman ignore too.
     */
    public static HealthCheck healthCheck(Object healthcheck) {
        if (!(healthcheck instanceof java.util.Map<?, ?> map) || !(map.get("Test") instanceof List<?> test)
                || test.isEmpty()) {
            return null;
        }
        try {
            return HealthCheck.fromImage(test.stream().map(String::valueOf).toList(), nanos(map.get("Interval")),
                    nanos(map.get("Timeout")), nanos(map.get("StartPeriod")), (int) nanos(map.get("Retries")));
        } catch (InvalidSpecException e) {
            return null;
        }
    }

    private static long nanos(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
