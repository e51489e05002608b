package dev.vaina.oci;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The container's environment: the image's, then the user's on top, then the engine's defaults. */
public final class ProcessEnvironment {
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ProcessEnvironment() {
    }

    public static List<String> resolve(ContainerConfig container, ImageConfig image, String hostname) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : image.env()) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        // ContainerConfig keeps the user's entries in a Map without order; sorting keeps config.json stable.
        container.env().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> env.put(e.getKey(), e.getValue()));
        env.putIfAbsent("PATH", DEFAULT_PATH);
        if (container.tty()) {
            env.putIfAbsent("TERM", "xterm");
        }
        env.putIfAbsent("HOSTNAME", hostname);
        env.put("container", "vaina");
        List<String> result = new ArrayList<>(env.size());
        env.forEach((key, value) -> result.add(key + "=" + value));
        return List.copyOf(result);
    }
}
