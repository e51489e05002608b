package dev.vaina.cli.containers;

import dev.vaina.spec.PortMapping;
import dev.vaina.store.ContainerRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A container's published ports the ways ps, port and inspect show them. */
public final class PortListing {
    private PortListing() {
    }

    /** tcp before udp (a stable sort keeps the rest in order). A class, not a lambda: see {@link #column}'s callers. */
    private static final Comparator<PortMapping> TCP_FIRST = new Comparator<>() {
        @Override
        public int compare(PortMapping a, PortMapping b) {
            return Integer.compare(rank(a), rank(b));
        }

        private int rank(PortMapping port) {
            return port.protocol().equals(PortMapping.TCP) ? 0 : 1;
        }
    };

    /** One mapping per port, tcp before udp, otherwise in the order they were given. */
    static List<PortMapping> singlePorts(ContainerRecord record) {
        List<PortMapping> singles = new ArrayList<>();
        for (PortMapping mapping : record.config().network().ports()) {
            singles.addAll(mapping.singlePorts());
        }
        singles.sort(TCP_FIRST);
        return singles;
    }

    /** ps's PORTS column: {@code 0.0.0.0:8080->80/tcp, 0.0.0.0:9000-9001->90-91/tcp}, sorted as Podman sorts them. */
    static String column(ContainerRecord record) {
        if (record.config().network().ports().isEmpty()) {
            return "";
        }
        List<String> described = new ArrayList<>();
        for (PortMapping port : record.config().network().ports()) {
            described.add(port.describe());
        }
        Collections.sort(described);
        return String.join(", ", described);
    }

    /** inspect's NetworkSettings.Ports (with exposed-only ports as null) or HostConfig.PortBindings. */
    public static Map<String, Object> bindings(ContainerRecord record, boolean withExposed) {
        Map<String, Object> ports = new TreeMap<>();
        if (withExposed) {
            for (String port : record.config().network().exposed()) {
                ports.put(port, null);
            }
        }
        for (PortMapping single : singlePorts(record)) {
            Map<String, Object> binding = new LinkedHashMap<>();
            binding.put("HostIp", single.hostIp());
            binding.put("HostPort", Integer.toString(single.hostPort()));
            // An exposed-only port's null counts as absent: it gets its list.
            @SuppressWarnings("unchecked")
            String key = single.containerPort() + "/" + single.protocol();
            List<Object> list = (List<Object>) ports.get(key);
            if (list == null) {
                list = new ArrayList<>();
                ports.put(key, list);
            }
            list.add(binding);
        }
        return ports;
    }
}
