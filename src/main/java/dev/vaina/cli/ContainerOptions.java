package dev.vaina.cli;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ContainerName;
import dev.vaina.spec.EnvironmentVariables;
import dev.vaina.spec.IpAddresses;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.PortMapping;
import dev.vaina.spec.RestartPolicy;
import dev.vaina.spec.Signals;
import dev.vaina.spec.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options `run` and `create` share, and the image and command that follow them. */
final class ContainerOptions {
    @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container.")
    String name;


    @picocli.CommandLine.Mixin
    ProcessOptions process;

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the image's entrypoint (\"\" clears it).")
    String entrypoint;

    @Option(names = {"-h", "--hostname"}, paramLabel = "NAME", description = "Container host name.")
    String hostname;

    @Option(names = {"-v", "--volume"}, paramLabel = "HOST-DIR:CONTAINER-DIR[:OPTIONS]", description = "Bind mount a host directory.")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--stop-signal", paramLabel = "SIGNAL", description = "Signal that stops the container (default SIGTERM).")
    String stopSignal;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", description = "Seconds to wait after the stop signal before SIGKILL (default 10).")
    Integer stopTimeout;

    @Option(names = "--restart", paramLabel = "POLICY", description = "no, on-failure[:N], always or unless-stopped.")
    String restart;

    @Option(names = "--rm", description = "Remove the container when it exits.")
    boolean rm;

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

    @Option(names = "--pull", paramLabel = "POLICY", defaultValue = "missing",
            description = "missing (default), always, never or newer: when to pull the image from its registry.")
    String pull;

    @picocli.CommandLine.Mixin
    PullOptions pullOptions;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to run.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    /** Validates the name, if one was given. */
    String validatedName() {
        return name == null ? null : new ContainerName(name).value();
    }

    ContainerConfig toConfig(Map<String, String> callerEnvironment) {
        List<VolumeMount> mounts = new ArrayList<>();
        for (String volume : volumes) {
            mounts.add(VolumeMount.parse(volume));
        }
        List<String> entry = entrypoint == null ? null : EntrypointParser.parse(entrypoint);
        return new ContainerConfig(
                command,
                entry,
                process.environment(callerEnvironment),
                process.workdir,
                process.user,
                hostname,
                mounts,
                stopSignal == null ? ContainerConfig.DEFAULT_STOP_SIGNAL : Signals.parse(stopSignal),
                stopTimeout == null ? ContainerConfig.DEFAULT_STOP_TIMEOUT : stopTimeout,
                RestartPolicy.parse(restart),
                process.tty,
                process.interactive,
                rm,
                networkConfig());
    }

    /** The network options, validated; host ports left empty stay 0 until the image is known. */
    private NetworkConfig networkConfig() {
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
