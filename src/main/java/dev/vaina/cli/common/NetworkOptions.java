package dev.vaina.cli.common;

import dev.vaina.net.VainaBridge;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.IpAddresses;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.PortMapping;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The network options of `run`, `create` and `pod create`: published ports, the network mode, DNS and hosts. */
public final class NetworkOptions {
    @Option(names = {"-p", "--publish"}, paramLabel = "[[IP:][HOSTPORT]:]CTRPORT[/PROTO]",
            description = "Publish a container's port (or range) on the host; an empty HOSTPORT takes a free one.")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-P", "--publish-all"}, description = "Publish every exposed port on a free host port.")
    boolean publishAll;

    @Option(names = "--expose", paramLabel = "PORT[-PORT][/PROTO]", description = "Expose a port (or range) without publishing it.")
    List<String> expose = new ArrayList<>();

    @Option(names = {"--network", "--net"}, paramLabel = "MODE",
            description = "bridge (default), pasta, slirp4netns, none, host, container:NAME|ID, ns:PATH, or the name of"
                    + " a network (several: repeat the option).")
    List<String> network = new ArrayList<>();

    @Option(names = "--network-alias", paramLabel = "NAME", description = "Another name the container has on its networks' DNS.")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IPV4", description = "The container's address on its network.")
    String ip;

    @Option(names = "--mac-address", paramLabel = "MAC", description = "The container's MAC address on its network.")
    String mac;

    @Option(names = "--dns", paramLabel = "IP", description = "A DNS server for the container's /etc/resolv.conf.")
    List<String> dns = new ArrayList<>();

    @Option(names = "--dns-search", paramLabel = "DOMAIN", description = "A DNS search domain.")
    List<String> dnsSearch = new ArrayList<>();

    @Option(names = "--dns-option", paramLabel = "OPTION", description = "A resolver option (ndots:2, ...).")
    List<String> dnsOptions = new ArrayList<>();

    @Option(names = "--add-host", paramLabel = "HOST:IP", description = "Add a line to the container's /etc/hosts.")
    List<String> addHosts = new ArrayList<>();

    @Option(names = "--no-hosts", description = "Keep the image's /etc/hosts instead of writing one.")
    boolean noHosts;

    /** The network options, validated; host ports left empty stay 0 until the image is known. */
    public NetworkConfig toConfig() {
        List<PortMapping> ports = new ArrayList<>();
        for (String spec : publish) {
            if (!spec.isEmpty()) {
                ports.add(PortMapping.parse(spec));
            }
        }
        List<String> exposed = new ArrayList<>();
        for (String spec : expose) {
            exposed.addAll(PortMapping.parseExposed(spec));
        }
        for (String server : dns) { // checked in loops: no lambda on create's way (see engine.CreateCompletion)
            IpAddresses.dnsServer(server);
        }
        for (String entry : addHosts) {
            IpAddresses.hostEntry(entry);
        }
        String mode = null;
        List<String> names = new ArrayList<>();
        for (String value : network) {
            if (NetworkMode.isNetworkName(value)) {
                names.add(value);
            } else if (mode != null || network.size() > 1) {
                throw new InvalidSpecException("--network " + value + " cannot be combined with other --network options:"
                        + " only network names can be given more than once");
            } else {
                mode = NetworkMode.parse(value).toString();
            }
        }
        if ((ip != null || mac != null) && names.size() > 1) {
            throw new InvalidSpecException("--ip and --mac-address can only be used with a single network");
        }
        boolean defaultMode = mode == null || NetworkMode.parse(mode).kind() == NetworkMode.Kind.DEFAULT;
        if (names.isEmpty() && defaultMode && (ip != null || mac != null || !aliases.isEmpty())) {
            // --ip, --mac-address and --network-alias on the default network: it is then named, as Podman's is.
            names.add(VainaBridge.NAME);
        } else if (names.isEmpty() && (ip != null || mac != null || !aliases.isEmpty())) {
            throw new InvalidSpecException("--ip, --mac-address and --network-alias need a bridge network, not --network "
                    + mode);
        }
        List<NetworkAttachment> attachments = new ArrayList<>();
        for (String name : names) {
            attachments.add(new NetworkAttachment(name, aliases, ip, mac));
        }
        return new NetworkConfig(mode, ports, exposed, publishAll, dns, dnsSearch, dnsOptions, addHosts, noHosts,
                attachments);
    }
}
