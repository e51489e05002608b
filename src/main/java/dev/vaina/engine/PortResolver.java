package dev.vaina.engine;

import dev.vaina.net.HostPorts;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.PortMapping;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Settles a new container's network options against the image and the store, as Podman does at create:
 * -P publishes every exposed port (the image's and --expose's), host ports left empty get a free port now
 * (so ps, port and inspect show it, and it stays the same across restarts), container:NAME is pinned to
 * that container's id, and modes without a namespace of their own drop published ports with a warning.
 */
public final class PortResolver {
    private PortResolver() {
    }

    public static ContainerConfig resolve(ContainerConfig config, ImageConfig image, ContainerRecords store, PrintWriter err)
            throws IOException {
        NetworkConfig resolved = settle(config.network(), image, store, err);
        return config.withNetwork(resolved);
    }

    /** The network options settled: what {@link #resolve} does, for a pod's network too. */
    public static NetworkConfig settle(NetworkConfig network, ImageConfig image, ContainerRecords store, PrintWriter err)
            throws IOException {
        NetworkMode mode = network.networkMode();
        String modeText = network.mode();
        if (mode.kind() == NetworkMode.Kind.CONTAINER) {
            ContainerRecord other = store.find(mode.value());
            modeText = "container:" + other.id();
        }
        Set<String> exposed = new LinkedHashSet<>(image.exposedPorts());
        exposed.addAll(network.exposed());
        List<PortMapping> ports = new ArrayList<>(network.ports());
        if (network.publishAll()) {
            for (String port : exposed) {
                if (!published(ports, port)) {
                    int slash = port.indexOf('/');
                    ports.add(new PortMapping("", 0, Integer.parseInt(slash < 0 ? port : port.substring(0, slash)), 1,
                            slash < 0 ? PortMapping.TCP : port.substring(slash + 1)));
                }
            }
        }
        if (!mode.publishes() && !ports.isEmpty()) {
            err.println("Port mappings have been discarded as one of the Host, Container, Pod, and None network modes are in use");
            err.flush();
            ports.clear();
        }
        return network.withMode(modeText).withPorts(choosePorts(ports), List.copyOf(exposed));
    }

    private static boolean published(List<PortMapping> ports, String exposed) {
        for (PortMapping mapping : ports) {
            for (PortMapping single : mapping.singlePorts()) {
                if ((single.containerPort() + "/" + single.protocol()).equals(exposed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Gives each mapping without a host port free ones, one per port of its range, never the same twice. */
    private static List<PortMapping> choosePorts(List<PortMapping> ports) throws IOException {
        List<PortMapping> chosen = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (PortMapping mapping : ports) {
            if (!mapping.randomHostPort()) {
                chosen.add(mapping);
                continue;
            }
            for (PortMapping single : mapping.singlePorts()) {
                int port;
                do {
                    port = HostPorts.chooseFree(single);
                } while (!taken.add(single.protocol() + "/" + port));
                chosen.add(single.withHostPort(port));
            }
        }
        return chosen;
    }
}
