package dev.vaina.spec;

import java.util.List;

/**
 * The network side of a container as the user asked for it, validated.
 *
 * @param mode        --network, as {@link NetworkMode#toString()} gives it; null for the default
 * @param ports       -p and -P, every host port chosen (a free one where the user left it empty)
 * @param exposed     --expose and the image's ExposedPorts, as "80/tcp"
 * @param publishAll  -P
 * @param dns         --dns servers; empty means the servers the network backend offers
 * @param dnsSearch   --dns-search domains
 * @param dnsOptions  --dns-option options
 * @param addHosts    --add-host entries, as "NAME:IP"
 * @param noHosts     --no-hosts: keep the image's own /etc/hosts
 * @param networks    the named networks it joins (--network NAME, several allowed), in order; empty means the
 *                    engine's default network (absent from records of older versions)
 */
public record NetworkConfig(String mode, List<PortMapping> ports, List<String> exposed, boolean publishAll,
        List<String> dns, List<String> dnsSearch, List<String> dnsOptions, List<String> addHosts, boolean noHosts,
        List<NetworkAttachment> networks) {

    public static final NetworkConfig DEFAULT = new NetworkConfig(null, List.of(), List.of(), false, List.of(),
            List.of(), List.of(), List.of(), false);

    /** On the default network. */
    public NetworkConfig(String mode, List<PortMapping> ports, List<String> exposed, boolean publishAll,
            List<String> dns, List<String> dnsSearch, List<String> dnsOptions, List<String> addHosts, boolean noHosts) {
        this(mode, ports, exposed, publishAll, dns, dnsSearch, dnsOptions, addHosts, noHosts, List.of());
    }

    public NetworkConfig {
        ports = copy(ports);
        exposed = copy(exposed);
        dns = copy(dns);
        dnsSearch = copy(dnsSearch);
        dnsOptions = copy(dnsOptions);
        addHosts = copy(addHosts);
        networks = copy(networks);
        if (mode != null) {
            mode = NetworkMode.parse(mode).toString();
        }
    }

    /** The same options with other published ports. */
    public NetworkConfig withPorts(List<PortMapping> settled, List<String> exposedPorts) {
        return new NetworkConfig(mode, settled, exposedPorts, publishAll, dns, dnsSearch, dnsOptions, addHosts,
                noHosts, networks);
    }

    /** The same options in another mode. */
    public NetworkConfig withMode(String otherMode) {
        return new NetworkConfig(otherMode, ports, exposed, publishAll, dns, dnsSearch, dnsOptions, addHosts, noHosts,
                networks);
    }

    /**
     * What a container keeps of these options when its network namespace is another's (a pod's infra
     * container's): its exposed ports and how it resolves names, but no published ports or networks of its own,
     * which belong to the namespace's holder.
     *
     * @param joinedMode the mode it joins by ("container:ID"), or null for the default
     */
    public NetworkConfig joining(String joinedMode) {
        return new NetworkConfig(joinedMode, List.of(), exposed, false, dns, dnsSearch, dnsOptions, addHosts, noHosts,
                List.of());
    }

    public NetworkMode networkMode() {
        return NetworkMode.parse(mode);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
