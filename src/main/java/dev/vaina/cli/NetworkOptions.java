package dev.vaina.cli;

import dev.vaina.spec.IpAddresses;
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
            description = "bridge (default), pasta, slirp4netns, none, host, container:NAME|ID or ns:PATH.")
    String network;

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
        dns.forEach(IpAddresses::dnsServer);
        addHosts.forEach(IpAddresses::hostEntry);
        return new NetworkConfig(network == null ? null : NetworkMode.parse(network).toString(), ports, exposed,
                publishAll, dns, dnsSearch, dnsOptions, addHosts, noHosts);
    }
}
