package dev.vaina.engine;

import java.util.List;
import java.util.Map;

/**
 * What {@code network create} asks for, as given (validated by {@link Networks#create}).
 *
 * @param name       the name, or null for the next free {@code vainaN}
 * @param driver     only "bridge"
 * @param subnet     CIDR, or null to choose a free 10.89.N.0/24
 * @param gateway    null for the subnet's first address
 * @param ipRange    CIDR inside the subnet that addresses are handed out from, or null
 * @param internal   no route out
 * @param disableDns no aardvark-dns
 * @param labels     --label
 * @param options    -o/--opt
 */
public record NetworkRequest(String name, String driver, String subnet, String gateway, String ipRange,
        boolean internal, boolean disableDns, Map<String, String> labels, Map<String, String> options) {
    public NetworkRequest {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    static final List<String> DRIVERS = List.of("bridge");
}
