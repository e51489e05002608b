package dev.vaina.cli.containers;

import dev.vaina.image.HumanSize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ps --size} shows of a container: what it wrote (its writable layer) and its image's size,
 * which Podman calls the virtual size.
 */
record ContainerSize(long writable, long image) {
    /** Podman's SIZE column and {@code {{.Size}}}: "18B (virtual 1.98MB)". */
    String column() {
        return HumanSize.unspaced(writable) + " (virtual " + HumanSize.unspaced(image) + ")";
    }

    /** Podman's JSON "Size" object. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rootFsSize", image);
        json.put("rwSize", writable);
        return json;
    }
}
