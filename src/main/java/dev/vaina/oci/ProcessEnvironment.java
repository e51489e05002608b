package dev.vaina.oci;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        // ContainerConfig keeps the user's entries in a Map without order; sorting keeps config.json stable. A sorted
        // map, not a stream sorted by Map.Entry's comparator: the JDK's own lambdas are made as the launcher runs.
        env.putAll(new TreeMap<>(container.env()));
        env.putIfAbsent("PATH", DEFAULT_PATH);
        if (container.tty()) {
            env.putIfAbsent("TERM", "xterm");
        }
        env.putIfAbsent("HOSTNAME", hostname);
        env.put("container", "vaina");
        List<String> result = new ArrayList<>(env.size());
        for (Map.Entry<String, String> entry : env.entrySet()) {
            result.add(entry.getKey() + "=" + entry.getValue());
        }
        return List.copyOf(result);
    }
}
