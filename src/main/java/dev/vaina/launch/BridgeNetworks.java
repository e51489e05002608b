package dev.vaina.launch;

import dev.vaina.net.BridgeAddresses;
import dev.vaina.net.Netavark;
import dev.vaina.net.NetnsFiles;
import dev.vaina.net.RootlessNetns;
import dev.vaina.spec.FileBytes;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.PortMapping;
import dev.vaina.spec.json.JsonInput;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's attachments to bridge networks through netavark, one per network: at start for each network
 * it is on, and at network connect or disconnect while it runs. Each attachment is one netavark request,
 * kept as {@code RUNDIR/networks/NAME.json}: that file is all the teardown needs (the address to free, the
 * network's definition as it was), so a network is detached exactly as it was attached, even after the
 * network's record is gone or the monitor was killed.
 *
 * <p>Rootless, netavark runs inside the namespaces of the user's holder ({@link RootlessNetns}); once the holder
 * is gone, so are the bridges and rules that netavark made there, and a detach only frees the address.
 */
public final class BridgeNetworks {
    private final StoreLayout layout;
    /** null when the namespaces netavark worked in are gone (a rootless holder that stopped) */
    private final Netavark.Setup setup;

    private BridgeNetworks(StoreLayout layout, Netavark.Setup setup) {
        this.layout = layout;
        this.setup = setup;
    }

    /** For attaching: rootless, the holder must run. */
    public static BridgeNetworks of(StoreLayout layout) throws IOException {
        List<String> enter = layout.rootless()
                ? RootlessNetns.enter(new RootlessNetns(layout.runRoot()).requireHolder(), true, true) : List.of();
        return new BridgeNetworks(layout, new Netavark.Setup(configDir(layout), enter, layout.rootless()));
    }

    /** For detaching: rootless without a holder, there is nothing left for netavark to undo. */
    public static BridgeNetworks forTeardown(StoreLayout layout) throws IOException {
        if (!layout.rootless()) {
            return of(layout);
        }
        return new RootlessNetns(layout.runRoot()).holder()
                .map(pid -> new BridgeNetworks(layout, new Netavark.Setup(configDir(layout),
                        RootlessNetns.enter(pid, true, true), true)))
                .orElseGet(() -> new BridgeNetworks(layout, null));
    }

    /** Where a container's network namespace is bound, rootful: a file under the run root. */
    public static Path netnsFile(StoreLayout layout, String containerId) {
        return netnsDir(layout).resolve(containerId);
    }

    static Path netnsDir(StoreLayout layout) {
        return layout.runRoot().resolve("netns");
    }

    /** What attaching gave the container on one network. */
    public record Attached(String address, String gateway, boolean dns) {
    }

    /**
     * Attaches the namespace at {@code netns} to {@code network}: an address (the static one, or the next free
     * one), the next free interface (eth0, eth1, ...), and {@code ports} forwarded to it.
     */
    public Attached attach(String containerId, String containerName, Path runDir, Path netns, NetworkDefinition network,
            NetworkAttachment attachment, List<PortMapping> ports) throws IOException {
        return startAttach(containerId, containerName, runDir, netns, network, attachment, ports).finish();
    }

    /**
     * As {@link #attach}, returning once netavark runs: the address is chosen already. Every caller must reach
     * {@link Attaching#finish}, which frees the address of a setup that failed.
     */
    public Attaching startAttach(String containerId, String containerName, Path runDir, Path netns,
            NetworkDefinition network, NetworkAttachment attachment, List<PortMapping> ports) throws IOException {
        NetworkDefinition.SubnetEntry subnet = network.subnets().get(0);
        BridgeAddresses addresses = new BridgeAddresses(addressDir(network.id()), subnet.parsed(), subnet.gateway());
        String address = addresses.allocate(containerId, attachment.ip());
        try {
            Path request = requestFile(runDir, network.name());
            Netavark.Attachment place = new Netavark.Attachment(address, attachment.aliases(),
                    nextInterface(runDir), attachment.mac());
            Netavark.Started started = new Netavark(setup, request, containerId, containerName, network, place)
                    .start(netns, ports);
            return new Attaching(new Attached(address, subnet.gateway(), network.dnsEnabled()), started, addresses,
                    containerId);
        } catch (IOException | RuntimeException e) {
            addresses.release(address, containerId);
            throw e;
        }
    }

    /** An attachment whose netavark setup runs. */
    public static final class Attaching {
        private final Attached attached;
        private final Netavark.Started started;
        private final BridgeAddresses addresses;
        private final String containerId;
        private boolean finished;

        private Attaching(Attached attached, Netavark.Started started, BridgeAddresses addresses, String containerId) {
            this.attached = attached;
            this.started = started;
            this.addresses = addresses;
            this.containerId = containerId;
        }

        /** What the container gets on the network, known before netavark is done. */
        public Attached attached() {
            return attached;
        }

        /** Waits for netavark; a failed setup frees the address and is an IOException. */
        public Attached finish() throws IOException {
            if (finished) {
                return attached;
            }
            finished = true;
            try {
                started.finish();
            } catch (IOException | RuntimeException e) {
                addresses.release(attached.address(), containerId);
                throw e;
            }
            return attached;
        }
    }

    /**
     * network connect of a running container: attached, and the new address and DNS server written into the
     * /etc/hosts and /etc/resolv.conf it sees, as Podman does.
     */
    public Attached connectRunning(String containerId, String containerName, Path runDir, Path netns,
            NetworkDefinition network, NetworkAttachment attachment) throws IOException {
        Attached attached = attach(containerId, containerName, runDir, netns, network, attachment, List.of());
        EtcFiles.connected(runDir, attached.address(), attached.dns() ? attached.gateway() : null);
        return attached;
    }

    /** network disconnect of a running container: detached, and its /etc/hosts and resolv.conf told. */
    public boolean disconnectRunning(String containerId, Path runDir, Path netns, String name) throws IOException {
        Path request = requestFile(runDir, name);
        if (!Files.exists(request)) {
            return false;
        }
        Request kept = Request.read(request);
        detach(containerId, runDir, netns, name);
        boolean dnsStillUsed = false;
        for (String other : attachedNetworks(runDir)) {
            Request remaining = Request.read(requestFile(runDir, other));
            dnsStillUsed |= remaining.dns() && remaining.gateway().equals(kept.gateway());
        }
        EtcFiles.disconnected(runDir, kept.address(), kept.dns() ? kept.gateway() : null, dnsStillUsed);
        return true;
    }

    /** Detaches from the network named {@code name}; false when the container was not attached to it. */
    public boolean detach(String containerId, Path runDir, Path netns, String name) throws IOException {
        Path request = requestFile(runDir, name);
        if (!Files.exists(request)) {
            return false;
        }
        Request kept = Request.read(request);
        if (setup != null) {
            Netavark.teardown(setup, request, netns);
        }
        if (kept.address() != null) {
            new BridgeAddresses(addressDir(kept.networkId()), null, null).release(kept.address(), containerId);
        }
        Files.deleteIfExists(request);
        Files.deleteIfExists(Netavark.statusFile(request));
        return true;
    }

    /** Detaches from every network; what the cleanup runs. */
    public void detachAll(String containerId, Path runDir, Path netns) throws IOException {
        for (String name : attachedNetworks(runDir)) {
            detach(containerId, runDir, netns, name);
        }
    }

    /**
     * A running container's place on one network, as inspect shows it: its address, the network's gateway and
     * prefix length, the MAC address netavark gave its interface, its aliases (the names it answers to besides
     * its own name).
     */
    public record Endpoint(String network, String address, String gateway, int prefixLength, String mac,
            List<String> aliases) {
    }

    /** Where a running container is attached, from the requests kept in its run directory. */
    @SuppressWarnings("unchecked")
    public static List<Endpoint> endpoints(Path runDir) throws IOException {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String name : attachedNetworks(runDir)) {
            Path file = requestFile(runDir, name);
            Map<String, Object> request = JsonInput.parseObject(FileBytes.read(file), file.toString());
            Map<String, Object> options = (Map<String, Object>) ((Map<String, Object>) request.get("networks")).get(name);
            Map<String, Object> info = (Map<String, Object>) ((Map<String, Object>) request.get("network_info")).get(name);
            List<Map<String, Object>> subnets = (List<Map<String, Object>>) info.get("subnets");
            String subnet = String.valueOf(subnets.get(0).get("subnet"));
            List<String> ips = (List<String>) options.get("static_ips");
            String mac = "";
            Path status = Netavark.statusFile(file);
            if (Files.exists(status)) {
                Map<String, Object> answer = (Map<String, Object>) JsonInput.parseObject(FileBytes.read(status),
                        status.toString()).get(name);
                Map<String, Object> interfaces = answer == null ? Map.of() : (Map<String, Object>) answer.get("interfaces");
                Object nic = interfaces == null ? null : interfaces.get(String.valueOf(options.get("interface_name")));
                mac = nic == null ? "" : String.valueOf(((Map<String, Object>) nic).get("mac_address"));
            }
            endpoints.add(new Endpoint(name, ips == null || ips.isEmpty() ? "" : ips.get(0),
                    String.valueOf(subnets.get(0).get("gateway")),
                    Integer.parseInt(subnet.substring(subnet.indexOf('/') + 1)), mac,
                    (List<String>) options.get("aliases")));
        }
        return endpoints;
    }

    /** The networks a started container is attached to now. */
    public static List<String> attachedNetworks(Path runDir) throws IOException {
        List<String> names = new ArrayList<>();
        Path dir = runDir.resolve("networks");
        if (!Files.isDirectory(dir)) {
            return names;
        }
        // Filtered by hand, not by a glob: a glob is a regular expression, compiled at every container's end.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".json")) {
                    names.add(fileName.substring(0, fileName.length() - ".json".length()));
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static String nextInterface(Path runDir) throws IOException {
        List<String> used = new ArrayList<>();
        for (String name : attachedNetworks(runDir)) {
            used.add(Request.read(requestFile(runDir, name)).interfaceName());
        }
        for (int i = 0; ; i++) {
            if (!used.contains("eth" + i)) {
                return "eth" + i;
            }
        }
    }

    /** The parts of a kept netavark request that the teardown needs besides netavark. */
    private record Request(String networkId, String address, String interfaceName, String gateway, boolean dns) {
        @SuppressWarnings("unchecked")
        static Request read(Path file) throws IOException {
            Map<String, Object> request = JsonInput.parseObject(FileBytes.read(file), file.toString());
            Map<String, Object> networks = (Map<String, Object>) request.get("networks");
            Map<String, Object> info = (Map<String, Object>) request.get("network_info");
            String name = networks.keySet().iterator().next();
            Map<String, Object> options = (Map<String, Object>) networks.get(name);
            List<String> ips = (List<String>) options.get("static_ips");
            Map<String, Object> network = (Map<String, Object>) info.get(name);
            List<Map<String, Object>> subnets = (List<Map<String, Object>>) network.get("subnets");
            String gateway = subnets == null || subnets.isEmpty() ? "" : String.valueOf(subnets.get(0).get("gateway"));
            return new Request((String) network.get("id"), ips == null || ips.isEmpty() ? null : ips.get(0),
                    (String) options.get("interface_name"), gateway, Boolean.TRUE.equals(network.get("dns_enabled")));
        }
    }

    private static Path requestFile(Path runDir, String network) {
        return runDir.resolve("networks").resolve(network + ".json");
    }

    /** The namespace files of containers on bridge networks: inside the holder's mount namespace, rootless. */
    NetnsFiles netnsFiles() {
        return new NetnsFiles(netnsDir(layout), setup == null || !layout.rootless() ? List.of()
                : setup.enter());
    }

    private Path addressDir(String networkId) {
        return layout.networkRunRoot().resolve("networks").resolve("addresses").resolve(networkId);
    }

    private static Path configDir(StoreLayout layout) {
        return Netavark.configDir(layout.networkRunRoot());
    }
}
