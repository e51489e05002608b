package dev.vaina.net;

import dev.vaina.spec.Ascii;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * The network as the container sees it, for its /etc/hosts and /etc/resolv.conf.
 *
 * @param address     the container's own address, null when it has none of its own (none)
 * @param hostAddress how the container reaches the host (host.containers.internal), null when it cannot
 * @param resolvers   the resolvers it can reach
 */
public record ContainerView(String address, String hostAddress, HostResolvers resolvers) {

    /** vaina's bridge: the gateway is the host's address on the bridge. */
    public static ContainerView bridge(String address) {
        return new ContainerView(address, VainaBridge.GATEWAY, HostResolvers.read().reachable());
    }

    /**
     * Bridge networks: the first network's address, its gateway as the host; with aardvark-dns on some of them,
     * their gateways as the only resolvers (aardvark-dns answers for the containers and forwards the rest to
     * the host's resolvers), and Podman's search domain, under which it also answers.
     */
    public static ContainerView networks(String address, String gateway, List<String> dnsServers) {
        HostResolvers host = HostResolvers.read().reachable();
        if (dnsServers.isEmpty()) {
            return new ContainerView(address, gateway, host);
        }
        List<String> search = new java.util.ArrayList<>(List.of(DNS_DOMAIN));
        host.search().stream().filter(domain -> !domain.equals(DNS_DOMAIN)).forEach(search::add);
        return new ContainerView(address, gateway, new HostResolvers(dnsServers, search, host.options()));
    }

    /** The domain aardvark-dns answers under, as Podman's. */
    public static final String DNS_DOMAIN = "dns.podman";

    /**
     * pasta copies the host's address into the namespace and maps the default gateway's address to the
     * host itself (its --map-gw default), so the gateway is how the container reaches the host.
     */
    public static ContainerView pasta() {
        DefaultRoute route = DefaultRoute.read();
        return new ContainerView(route.address(), route.gateway(), HostResolvers.read().reachable());
    }

    /** slirp4netns runs without host loopback access: the host is reached at its own external address. */
    public static ContainerView slirp4netns() {
        HostResolvers host = HostResolvers.read();
        return new ContainerView(Slirp4netns.CONTAINER_ADDRESS, DefaultRoute.read().address(),
                host.withNameservers(List.of(Slirp4netns.DNS_ADDRESS)));
    }

    /** --network none: loopback only. */
    public static ContainerView isolated() {
        return new ContainerView(null, null, HostResolvers.read());
    }

    /** --network host: the host's own view. */
    public static ContainerView host() {
        return new ContainerView(null, null, HostResolvers.read());
    }

    /** The interface of the host's IPv4 default route, its first address and the gateway (from /proc/net/route). */
    record DefaultRoute(String address, String gateway) {
        static DefaultRoute read() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
                    String[] fields = Ascii.fields(line);
                    if (fields.length > 2 && fields[1].equals("00000000")) {
                        return new DefaultRoute(firstIpv4(fields[0]), littleEndianIpv4(fields[2]));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No default route readable: the container gets no host.containers.internal.
            }
            return new DefaultRoute(null, null);
        }

        private static String firstIpv4(String interfaceName) throws IOException {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            if (nic == null) {
                return null;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return address.getHostAddress();
                }
            }
            return null;
        }

        private static String littleEndianIpv4(String hex) {
            long value = Long.parseLong(hex, 16);
            return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff);
        }
    }
}
