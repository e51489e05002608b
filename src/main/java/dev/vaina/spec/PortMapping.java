package dev.vaina.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A published port (-p): {@code range} consecutive host ports from {@code hostPort} forwarded to as many
 * container ports from {@code containerPort}. {@code hostIp} is empty for every address of the host;
 * {@code hostPort} is 0 until a free one is chosen (HOSTPORT left empty).
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, int range, String protocol) {
    public static final String TCP = "tcp";
    public static final String UDP = "udp";

    public PortMapping {
        hostIp = hostIp == null ? "" : hostIp;
        protocol = protocol == null ? TCP : protocol;
        if (range < 1) {
            range = 1;
        }
    }

    /** Parses one -p value: {@code [[IP:][HOSTPORT]:]CTRPORT[/tcp|udp]}, ranges as {@code 8080-8082:80-82}. */
    public static PortMapping parse(String text) {
        return PortSpecParser.parse(text);
    }

    /** Parses one --expose value: {@code PORT[-PORT][/tcp|udp]}, as "80/tcp" strings, one per port. */
    public static List<String> parseExposed(String text) {
        return PortSpecParser.exposed(text);
    }

    public boolean randomHostPort() {
        return hostPort == 0;
    }

    public PortMapping withHostPort(int port) {
        return new PortMapping(hostIp, port, containerPort, range, protocol);
    }

    /** One mapping per port of the range, each with range 1. */
    public List<PortMapping> singlePorts() {
        List<PortMapping> ports = new ArrayList<>(range);
        for (int i = 0; i < range; i++) {
            ports.add(new PortMapping(hostIp, hostPort == 0 ? 0 : hostPort + i, containerPort + i, 1, protocol));
        }
        return ports;
    }

    /** The address the host side listens on, as {@code ps} and {@code port} print it. */
    public String displayHostIp() {
        return hostIp.isEmpty() ? "0.0.0.0" : hostIp;
    }

    /** {@code 0.0.0.0:8080-8082->80-82/tcp}, as {@code ps} shows it. */
    public String describe() {
        return displayHostIp() + ":" + span(hostPort) + "->" + span(containerPort) + "/" + protocol;
    }

    private String span(int first) {
        return range == 1 ? Integer.toString(first) : first + "-" + (first + range - 1);
    }
}
