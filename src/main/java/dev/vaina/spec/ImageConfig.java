package dev.vaina.spec;

import java.util.List;

/**
 * The runtime defaults an image carries (the "config" object of an OCI image configuration). Null means
 * the image does not set it. exposedPorts are the keys of ExposedPorts ("80/tcp"), which -P publishes.
 */
public record ImageConfig(
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        String user,
        String stopSignal,
        List<String> exposedPorts) {

    public static final ImageConfig EMPTY = new ImageConfig(List.of(), null, null, null, null, null);

    /** An image that exposes no ports. */
    public ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir, String user,
            String stopSignal) {
        this(env, entrypoint, cmd, workingDir, user, stopSignal, List.of());
    }

    public ImageConfig {
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
    }

    /** The keys of an image configuration's ExposedPorts object ({"80/tcp": {}}); empty for anything else. */
    public static List<String> exposedPortKeys(Object exposedPorts) {
        return exposedPorts instanceof java.util.Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList()
                : List.of();
    }
}
