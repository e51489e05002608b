package dev.vaina.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bridge network: what {@code network create} made, or vaina's default network. Its
 * {@link #podmanLayout()} is both what {@code network inspect} prints and what netavark reads as the
 * network's definition (netavark's format is Podman's).
 *
 * @param name          unique among networks
 * @param id            64 hex digits
 * @param interfaceName the bridge's device on the host (vaina1, vaina2, ...)
 * @param created       RFC 3339 instant with nanoseconds, as Go prints it
 * @param subnets       its subnets with their gateways
 * @param internal      --internal: no route out, no masquerade
 * @param dnsEnabled    whether aardvark-dns answers for the containers on it (not with --disable-dns)
 * @param labels        --label
 * @param options       -o/--opt
 * @param ipamDriver    "host-local": vaina hands addresses out itself
 */
public record NetworkDefinition(String name, String id, String driver, String interfaceName, String created,
        List<SubnetEntry> subnets, boolean internal, boolean dnsEnabled, Map<String, String> labels,
        Map<String, String> options, String ipamDriver) implements Named {

    public static final String BRIDGE = "bridge";

    /**
     * @param subnet  CIDR
     * @param gateway the bridge's address on it
     * @param rangeStart first address handed out (--ip-range), or null for the whole subnet
     * @param rangeEnd   last address handed out, or null
     */
    public record SubnetEntry(String subnet, String gateway, String rangeStart, String rangeEnd) {
        public Subnet parsed() {
            return Subnet.parse(subnet);
        }
    }

    public NetworkDefinition {
        subnets = List.copyOf(subnets);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    /** Podman's (and netavark's) JSON layout, in its order; empty labels and options are left out as Podman does. */
    public Map<String, Object> podmanLayout() {
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("name", name);
        network.put("id", id);
        network.put("driver", driver);
        network.put("network_interface", interfaceName);
        network.put("created", created);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SubnetEntry entry : subnets) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("subnet", entry.subnet());
            map.put("gateway", entry.gateway());
            if (entry.rangeStart() != null) {
                Map<String, Object> range = new LinkedHashMap<>();
                range.put("start_ip", entry.rangeStart());
                range.put("end_ip", entry.rangeEnd());
                map.put("lease_range", range);
            }
            entries.add(map);
        }
        network.put("subnets", entries);
        network.put("ipv6_enabled", false);
        network.put("internal", internal);
        network.put("dns_enabled", dnsEnabled);
        if (!labels.isEmpty()) {
            network.put("labels", new LinkedHashMap<>(labels));
        }
        if (!options.isEmpty()) {
            network.put("options", new LinkedHashMap<>(options));
        }
        network.put("ipam_options", Map.of("driver", ipamDriver));
        return network;
    }
}
