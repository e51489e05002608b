package dev.vaina.net;

import dev.vaina.spec.Ascii;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's resolver configuration (/etc/resolv.conf), and the part of it a container in a network
 * namespace of its own can use: a loopback resolver (systemd-resolved's 127.0.0.53, a local dnsmasq) is
 * the container's own loopback there, so it is left out; systemd-resolved's list of upstream servers is
 * used instead when that leaves nothing.
 */
public record HostResolvers(List<String> nameservers, List<String> search, List<String> options) {
    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
    private static final Path RESOLVED_UPSTREAM = Path.of("/run/systemd/resolve/resolv.conf");
    /** Podman's fallback when the host names no resolver a container can reach. */
    private static final List<String> FALLBACK = List.of("8.8.8.8", "8.8.4.4");

    public static HostResolvers read() {
        return parse(RESOLV_CONF);
    }

    /** Only the servers reachable from another network namespace. */
    public HostResolvers reachable() {
        List<String> usable = nameservers.stream().filter(s -> !loopback(s)).toList();
        if (usable.isEmpty()) {
            usable = parse(RESOLVED_UPSTREAM).nameservers.stream().filter(s -> !loopback(s)).toList();
        }
        return new HostResolvers(usable.isEmpty() ? FALLBACK : usable, search, options);
    }

    public HostResolvers withNameservers(List<String> servers) {
        return new HostResolvers(servers, search, options);
    }

    static HostResolvers parse(Path file) {
        List<String> servers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] words = Ascii.fields(line);
                if (words.length < 2) {
                    continue;
                }
                List<String> rest = List.of(words).subList(1, words.length);
                switch (words[0]) {
                    case "nameserver" -> servers.add(words[1]);
                    case "search", "domain" -> {
                        search.clear();
                        search.addAll(rest);
                    }
                    case "options" -> options.addAll(rest);
                    default -> {
                        // comments and keywords a container does not need
                    }
                }
            }
        } catch (IOException e) {
            // No file: no resolvers.
        }
        return new HostResolvers(servers, search, options);
    }

    private static boolean loopback(String server) {
        return server.startsWith("127.") || server.equals("::1");
    }
}
