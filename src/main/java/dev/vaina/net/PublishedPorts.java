package dev.vaina.net;

import dev.vaina.spec.PortMapping;

/**
 * A port mapping as one command-line word for the monitor, {@code tcp/HOSTIP/HOSTPORT/CTRPORT/RANGE}
 * ('/' because an IPv6 host address has colons), so the monitor needs no JSON to read it.
 */
public final class PublishedPorts {
    private PublishedPorts() {
    }

    public static String encode(PortMapping port) {
        return port.protocol() + "/" + port.hostIp() + "/" + port.hostPort() + "/" + port.containerPort() + "/"
                + port.range();
    }

    public static PortMapping decode(String word) {
        String[] parts = word.split("/", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("--publish needs PROTOCOL/HOSTIP/HOSTPORT/CTRPORT/RANGE, got " + word);
        }
        try {
            return new PortMapping(parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3]),
                    Integer.parseInt(parts[4]), parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--publish has a port that is not a number: " + word);
        }
    }
}
