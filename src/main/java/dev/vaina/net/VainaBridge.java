package dev.vaina.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * vaina's default rootful network: the bridge {@code vaina0} with 10.87.0.0/16, gateway 10.87.0.1. It is
 * its own so that it never meets Podman's (bridge podman0 with 10.88.0.0/16, and Podman's user networks
 * from 10.89.0.0/24 upwards) on a machine that runs both. netavark creates the bridge with the first
 * container and removes it with the last.
 */
public final class VainaBridge {
    public static final String NAME = "vaina";
    public static final String INTERFACE = "vaina0";
    public static final String SUBNET = "10.87.0.0/16";
    public static final String GATEWAY = "10.87.0.1";
    public static final int PREFIX_LENGTH = 16;
    /** A fixed id (netavark derives its firewall chain names from it): sha256("vaina default network"). */
    static final String ID = "9da3f6ea7919cd409144b8240240a1b06259394db3df9a0f6ade6c67121da368";

    private VainaBridge() {
    }

    static Map<String, Object> definition() {
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("name", NAME);
        network.put("id", ID);
        network.put("driver", "bridge");
        network.put("network_interface", INTERFACE);
        network.put("subnets", List.of(Map.of("subnet", SUBNET, "gateway", GATEWAY)));
        network.put("ipv6_enabled", false);
        network.put("internal", false);
        network.put("dns_enabled", false);
        network.put("ipam_options", Map.of("driver", "host-local"));
        return network;
    }
}
