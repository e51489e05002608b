package dev.vaina.net;

import dev.vaina.spec.NetworkDefinition;
import java.util.List;
import java.util.Map;

/**
 * vaina's default rootful network, listed as {@code vaina}: the bridge {@code vaina0} with 10.87.0.0/16,
 * gateway 10.87.0.1. It is its own so that it never meets Podman's (bridge podman0 with 10.88.0.0/16) on a
 * machine that runs both; networks made with {@code network create} take vaina1, vaina2, ... and
 * 10.89.N.0/24 as Podman's do, skipping what the host or another network uses. netavark creates the bridge
 * with the first container and removes it with the last.
 */
public final class VainaBridge {
    public static final String NAME = "vaina";
    public static final String INTERFACE = "vaina0";
    /** Bridges of networks made by network create: vaina1, vaina2, ... */
    public static final String INTERFACE_PREFIX = "vaina";
    public static final String SUBNET = "10.87.0.0/16";
    public static final String GATEWAY = "10.87.0.1";
    public static final int PREFIX_LENGTH = 16;
    /** A fixed id (netavark derives its firewall chain names from it): sha256("vaina default network"). */
    static final String ID = "9da3f6ea7919cd409144b8240240a1b06259394db3df9a0f6ade6c67121da368";
    /** The default network is not stored; like Podman's, it shows the time it is listed as its creation. */
    private VainaBridge() {
    }

    public static NetworkDefinition definition(String created) {
        return new NetworkDefinition(NAME, ID, NetworkDefinition.BRIDGE, INTERFACE, created,
                List.of(new NetworkDefinition.SubnetEntry(SUBNET, GATEWAY, null, null)), false, false, Map.of(),
                Map.of(), "host-local");
    }
}
