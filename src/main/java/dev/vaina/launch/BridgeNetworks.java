package dev.vaina.launch;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.net.BridgeAddresses;
import dev.vaina.net.Netavark;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.PortMapping;
import dev.vaina.store.StoreLayout;
import dev.vaina.store.StoreLock;
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
 */
public final class BridgeNetworks {
    private final StoreLayout layout;
    private final Netavark.Setup setup;

    /**
     * @param managerScope "user" or "system": the manager aardvark-dns's unit goes to
     */
    public BridgeNetworks(StoreLayout layout, String managerScope) {
        this.layout = layout;
        this.setup = new Netavark.Setup(configDir(layout), Installed.beside("vaina-aardvark-dns"), managerScope,
                layout.rootless());
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
    @SuppressWarnings("try") // the netavark lock is held for its block, not used in it
    public Attached attach(String containerId, String containerName, Path runDir, Path netns, NetworkDefinition network,
            NetworkAttachment attachment, List<PortMapping> ports) throws IOException {
        NetworkDefinition.SubnetEntry subnet = network.subnets().get(0);
        BridgeAddresses addresses = new BridgeAddresses(addressDir(network.id()), subnet.parsed(), subnet.gateway());
        String address = addresses.allocate(containerId, attachment.ip());
        try {
            Path request = requestFile(runDir, network.name());
            Netavark.Attachment place = new Netavark.Attachment(address, attachment.aliases(),
                    nextInterface(runDir), attachment.mac());
            try (StoreLock lock = netavarkLock()) {
                new Netavark(setup, request, containerId, containerName, network, place).connect(netns, ports);
            }
        } catch (IOException | RuntimeException e) {
            addresses.release(address, containerId);
            throw e;
        }
        return new Attached(address, subnet.gateway(), network.dnsEnabled());
    }

    /** Detaches from the network named {@code name}; false when the container was not attached to it. */
    @SuppressWarnings("try")
    public boolean detach(String containerId, Path runDir, Path netns, String name) throws IOException {
        Path request = requestFile(runDir, name);
        if (!Files.exists(request)) {
            return false;
        }
        Request kept = Request.read(request);
        try (StoreLock lock = netavarkLock()) {
            Netavark.teardown(setup, request, netns);
        }
        if (kept.address() != null) {
            new BridgeAddresses(addressDir(kept.networkId()), null, null).release(kept.address(), containerId);
        }
        Files.deleteIfExists(request);
        return true;
    }

    /** Detaches from every network; what the cleanup runs. */
    public void detachAll(String containerId, Path runDir, Path netns) throws IOException {
        for (String name : attachedNetworks(runDir)) {
            detach(containerId, runDir, netns, name);
        }
    }

    /** The networks a started container is attached to now. */
    public static List<String> attachedNetworks(Path runDir) throws IOException {
        List<String> names = new ArrayList<>();
        Path dir = runDir.resolve("networks");
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                names.add(fileName.substring(0, fileName.length() - ".json".length()));
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
    private record Request(String networkId, String address, String interfaceName) {
        @SuppressWarnings("unchecked")
        static Request read(Path file) throws IOException {
            Map<String, Object> request = JSON.std.mapFrom(Files.readAllBytes(file));
            Map<String, Object> networks = (Map<String, Object>) request.get("networks");
            Map<String, Object> info = (Map<String, Object>) request.get("network_info");
            String name = networks.keySet().iterator().next();
            Map<String, Object> options = (Map<String, Object>) networks.get(name);
            List<String> ips = (List<String>) options.get("static_ips");
            return new Request((String) ((Map<String, Object>) info.get(name)).get("id"),
                    ips == null || ips.isEmpty() ? null : ips.get(0), (String) options.get("interface_name"));
        }
    }

    private static Path requestFile(Path runDir, String network) {
        return runDir.resolve("networks").resolve(network + ".json");
    }

    /**
     * One netavark at a time: two that set up or tear down the same bridge at once race on its firewall
     * chains ("iptables: Chain already exists"), which is why Podman serialises them too.
     */
    private StoreLock netavarkLock() throws IOException {
        Files.createDirectories(setup.configDir());
        return StoreLock.acquire(setup.configDir().resolve("netavark.lock"));
    }

    private Path addressDir(String networkId) {
        return layout.runRoot().resolve("networks").resolve("addresses").resolve(networkId);
    }

    private static Path configDir(StoreLayout layout) {
        return layout.runRoot().resolve("networks").resolve("netavark");
    }
}
