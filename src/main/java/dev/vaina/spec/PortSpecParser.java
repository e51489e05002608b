package dev.vaina.spec;

import java.util.List;

/** The -p/--publish syntax, with Podman 4.3's messages for what it refuses. */
final class PortSpecParser {
    private PortSpecParser() {
    }

    static PortMapping parse(String text) {
        String spec = text;
        String protocol = PortMapping.TCP;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            if (spec.indexOf('/', slash + 1) >= 0) {
                throw new InvalidSpecException("invalid port format - protocol can only be specified once");
            }
            protocol = protocol(spec.substring(slash + 1));
            spec = spec.substring(0, slash);
        }
        String hostIp = "";
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0 || close + 1 >= spec.length() || spec.charAt(close + 1) != ':') {
                throw formatError();
            }
            hostIp = ipAddress(spec.substring(1, close));
            spec = spec.substring(close + 2);
            if (spec.split(":", -1).length != 2) {
                throw formatError();
            }
        }
        String[] parts = spec.split(":", -1);
        String hostPorts = "";
        String containerPorts;
        switch (parts.length) {
            case 1 -> containerPorts = parts[0];
            case 2 -> {
                hostPorts = parts[0];
                containerPorts = parts[1];
            }
            case 3 -> {
                hostIp = ipAddress(parts[0]);
                hostPorts = parts[1];
                containerPorts = parts[2];
            }
            default -> throw formatError();
        }
        int[] container = range("container", containerPorts);
        if (hostPorts.isEmpty()) {
            return new PortMapping(hostIp, 0, container[0], container[1], protocol);
        }
        int[] host = range("host", hostPorts);
        if (host[1] != container[1]) {
            throw new InvalidSpecException("host and container port ranges have different lengths: " + host[1]
                    + " vs " + container[1]);
        }
        return new PortMapping(hostIp, host[0], container[0], container[1], protocol);
    }

    /** --expose: {@code PORT[-PORT][/tcp|udp]}, as "80/tcp" strings, one per port. */
    static List<String> exposed(String text) {
        String spec = text;
        String protocol = PortMapping.TCP;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            protocol = protocol(spec.substring(slash + 1));
            spec = spec.substring(0, slash);
        }
        int[] ports = range("exposed", spec);
        String suffix = "/" + protocol;
        return java.util.stream.IntStream.range(ports[0], ports[0] + ports[1]).mapToObj(p -> p + suffix).toList();
    }

    private static String protocol(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case PortMapping.TCP, PortMapping.UDP -> lower;
            case "sctp" -> throw new InvalidSpecException("unsupported protocol \"" + name
                    + "\" in port mapping: vaina publishes tcp and udp ports");
            default -> throw new InvalidSpecException("unrecognized protocol \"" + name + "\" in port mapping");
        };
    }

    private static String ipAddress(String text) {
        if (text.isEmpty() || IpAddresses.isLiteral(text)) {
            return text;
        }
        throw new InvalidSpecException("cannot parse \"" + text + "\" as an IP address");
    }

    /** {first, length} of "N" or "N-M". */
    private static int[] range(String which, String text) {
        String prefix = "parsing " + which + " port: ";
        if (text.startsWith("-")) {
            throw new InvalidSpecException(prefix + "port numbers cannot be negative");
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            return new int[] {port(prefix, text), 1};
        }
        int first = port(prefix, text.substring(0, dash));
        int last = port(prefix, text.substring(dash + 1));
        if (last < first) {
            throw new InvalidSpecException(prefix + "the end port of a range must be higher than the start port - "
                    + last + " is not higher than " + first);
        }
        return new int[] {first, last - first + 1};
    }

    private static int port(String prefix, String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // Podman passes Go's strconv message through; scripts that match on it keep working.
            throw new InvalidSpecException(prefix + "invalid port number: strconv.Atoi: parsing \"" + text
                    + "\": invalid syntax");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidSpecException(prefix + "port numbers must be between 1 and 65535 (inclusive), got " + port);
        }
        return port;
    }

    private static InvalidSpecException formatError() {
        return new InvalidSpecException("invalid port format - format is [[hostIP:]hostPort:]containerPort");
    }
}
