package dev.vaina.store;

import dev.vaina.spec.Named;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a volume is: written once when it is created. Its content is {@link StoreLayout#volumeData}.
 *
 * @param name      unique among volumes; also its id
 * @param driver    always "local" (a directory in the store)
 * @param created   ISO-8601 instant
 * @param labels    --label
 * @param options   --opt, kept and shown as given
 * @param anonymous made by -v CONTAINER-DIR for one container, removed with it by rm -v and --rm
 */
public record VolumeRecord(String name, String driver, String created, Map<String, String> labels,
        Map<String, String> options, boolean anonymous) implements Named {

    /** A volume is known by its name alone. */
    @Override
    public String id() {
        return name;
    }

    public VolumeRecord {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        driver = driver == null ? "local" : driver;
    }
}
