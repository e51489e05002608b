package dev.vaina.spec;

import java.util.List;

/**
 * The runtime defaults an image carries (the "config" object of an OCI image configuration). Null means
 * the image does not set it.
 */
public record ImageConfig(
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        String user,
        String stopSignal) {

    public static final ImageConfig EMPTY = new ImageConfig(List.of(), null, null, null, null, null);

    public ImageConfig {
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
    }
}
