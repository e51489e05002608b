package dev.vaina.cli;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.containers.PortListing;
import dev.vaina.launch.BridgeNetworks;
import dev.vaina.net.VainaBridge;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * inspect's NetworkSettings as Podman 4.3 lays them out: the container's place on each of its networks under
 * Networks (empty until it runs), and the same place at the top only when its one network is the default one.
 */
final class InspectNetworks {
    /** By network name. A class, not a method reference: `inspect` then links no lambda (about 4 ms). */
    private static final Comparator<NetworkAttachment> BY_NETWORK = new Comparator<>() {
        @Override
        public int compare(NetworkAttachment a, NetworkAttachment b) {
            return a.network().compareTo(b.network());
        }
    };

    private InspectNetworks() {
    }

    static Map<String, Object> settings(Context context, ContainerRecord record, ContainerState state)
            throws IOException {
        List<NetworkAttachment> attachments = new ArrayList<>(context.engine().networks().attachments(record));
        attachments.sort(BY_NETWORK); // Go prints a map by its keys
        Path runDir = context.layout().containerRun(record.id());
        List<BridgeNetworks.Endpoint> endpoints = state.isRunning() ? BridgeNetworks.endpoints(runDir) : List.of();
        Map<String, Object> networks = new LinkedHashMap<>();
        BridgeNetworks.Endpoint only = null;
        for (NetworkAttachment attachment : attachments) {
            BridgeNetworks.Endpoint endpoint = null;
            for (BridgeNetworks.Endpoint candidate : endpoints) {
                if (endpoint == null && candidate.network().equals(attachment.network())) {
                    endpoint = candidate;
                }
            }
            Map<String, Object> network = basic(endpoint);
            network.put("NetworkID", attachment.network());
            network.put("DriverOpts", null);
            network.put("IPAMConfig", null);
            network.put("Links", null);
            // Podman's: the aliases given, then the short id; the name is answered to without being listed.
            List<String> aliases = new ArrayList<>(attachment.aliases());
            aliases.add(record.shortId());
            network.put("Aliases", aliases);
            networks.put(attachment.network(), network);
            only = attachments.size() == 1 && attachment.network().equals(VainaBridge.NAME) ? endpoint : null;
        }
        Map<String, Object> settings = basic(only);
        settings.put("Bridge", "");
        settings.put("SandboxID", "");
        settings.put("HairpinMode", false);
        settings.put("LinkLocalIPv6Address", "");
        settings.put("LinkLocalIPv6PrefixLen", 0);
        settings.put("Ports", PortListing.bindings(record, true));
        Path netns = BridgeNetworks.netnsFile(context.layout(), record.id());
        settings.put("SandboxKey", state.isRunning() && Files.exists(netns) ? netns.toString() : "");
        if (!networks.isEmpty()) {
            settings.put("Networks", networks);
        }
        return settings;
    }

    /** Podman's InspectBasicNetworkConfig: empty where the container has no place (yet). */
    private static Map<String, Object> basic(BridgeNetworks.Endpoint endpoint) {
        Map<String, Object> basic = new LinkedHashMap<>();
        basic.put("EndpointID", "");
        basic.put("Gateway", endpoint == null ? "" : endpoint.gateway());
        basic.put("IPAddress", endpoint == null ? "" : endpoint.address());
        basic.put("IPPrefixLen", endpoint == null ? 0 : endpoint.prefixLength());
        basic.put("IPv6Gateway", "");
        basic.put("GlobalIPv6Address", "");
        basic.put("GlobalIPv6PrefixLen", 0);
        basic.put("MacAddress", endpoint == null ? "" : endpoint.mac());
        return basic;
    }
}
