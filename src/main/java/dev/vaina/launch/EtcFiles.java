package dev.vaina.launch;

import dev.vaina.net.ContainerView;
import dev.vaina.net.HostResolvers;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The container's /etc/hostname, /etc/hosts and /etc/resolv.conf, bind-mounted from the run directory.
 * hostsFile is null with --no-hosts (the image's own file stays).
 */
record EtcFiles(String hostname, Path hostnameFile, Path hostsFile, Path resolvConf) {

    static EtcFiles write(Path runDir, ContainerRecord record, ContainerView view) throws IOException {
        NetworkConfig network = record.config().network();
        String hostname = record.config().hostname() != null ? record.config().hostname() : record.shortId();
        Path hostnameFile = runDir.resolve("hostname");
        Path hostsFile = runDir.resolve("hosts");
        Path resolvConf = runDir.resolve("resolv.conf");
        AtomicFiles.write(hostnameFile, hostname + "\n");
        AtomicFiles.write(hostsFile, hosts(record, hostname, view));
        AtomicFiles.write(resolvConf, resolvConf(network, view.resolvers()));
        return new EtcFiles(hostname, hostnameFile, network.noHosts() ? null : hostsFile, resolvConf);
    }

    /** Another container's files, for a container that shares its network namespace. */
    static EtcFiles shared(Path runDir, ContainerRecord record, Path otherRunDir) throws IOException {
        String hostname = record.config().hostname() != null ? record.config().hostname() : record.shortId();
        Path hostnameFile = runDir.resolve("hostname");
        AtomicFiles.write(hostnameFile, hostname + "\n");
        return new EtcFiles(hostname, hostnameFile,
                record.config().network().noHosts() ? null : otherRunDir.resolve("hosts"), otherRunDir.resolve("resolv.conf"));
    }

    /**
     * network connect of a running container, as Podman does it: its address on the new network for its
     * hostname in /etc/hosts, and the network's DNS server (null for none) first in /etc/resolv.conf. The files
     * are rewritten in place: the container sees them through bind mounts of these very files.
     */
    static void connected(Path runDir, String address, String dnsServer) throws IOException {
        Path hosts = runDir.resolve("hosts");
        if (Files.exists(hosts)) {
            String hostname = Files.readString(runDir.resolve("hostname")).strip();
            List<String> lines = new ArrayList<>(Files.readAllLines(hosts));
            String names = lines.stream().filter(line -> line.matches("\\S+\\t" + Pattern.quote(hostname) + "( .*)?"))
                    .findFirst().map(line -> line.substring(line.indexOf('\t') + 1)).orElse(hostname);
            int self = indexOfNames(lines, names);
            lines.add(self < 0 ? lines.size() : self + 1, address + "\t" + names);
            rewrite(hosts, lines);
        }
        Path resolvConf = runDir.resolve("resolv.conf");
        if (dnsServer != null && Files.exists(resolvConf)) {
            List<String> lines = new ArrayList<>(Files.readAllLines(resolvConf));
            if (!lines.contains("nameserver " + dnsServer)) {
                int first = 0;
                while (first < lines.size() && !lines.get(first).startsWith("nameserver ")) {
                    first++;
                }
                lines.add(first, "nameserver " + dnsServer);
                rewrite(resolvConf, lines);
            }
        }
    }

    /** network disconnect of a running container: what {@link #connected} added goes. */
    static void disconnected(Path runDir, String address, String dnsServer, boolean dnsStillUsed) throws IOException {
        Path hosts = runDir.resolve("hosts");
        if (address != null && Files.exists(hosts)) {
            List<String> lines = new ArrayList<>(Files.readAllLines(hosts));
            if (lines.removeIf(line -> line.startsWith(address + "\t") && !line.endsWith("host.containers.internal"))) {
                rewrite(hosts, lines);
            }
        }
        Path resolvConf = runDir.resolve("resolv.conf");
        if (dnsServer != null && !dnsStillUsed && Files.exists(resolvConf)) {
            List<String> lines = new ArrayList<>(Files.readAllLines(resolvConf));
            if (lines.remove("nameserver " + dnsServer)) {
                rewrite(resolvConf, lines);
            }
        }
    }

    private static int indexOfNames(List<String> lines, String names) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).endsWith("\t" + names)) {
                return i;
            }
        }
        return -1;
    }

    /** In place, never by rename: a bind mount holds the file's inode. */
    private static void rewrite(Path file, List<String> lines) throws IOException {
        Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    private static String hosts(ContainerRecord record, String hostname, ContainerView view) throws IOException {
        StringBuilder hosts = new StringBuilder();
        if (view.address() == null && view.hostAddress() == null && record.config().network().networkMode()
                .kind() == dev.vaina.spec.NetworkMode.Kind.HOST && Files.isReadable(Path.of("/etc/hosts"))) {
            hosts.append(Files.readString(Path.of("/etc/hosts")));
            if (hosts.length() > 0 && hosts.charAt(hosts.length() - 1) != '\n') {
                hosts.append('\n');
            }
        } else {
            hosts.append("127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n");
            hosts.append("::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n");
        }
        for (String entry : record.config().network().addHosts()) {
            int colon = entry.indexOf(':');
            hosts.append(entry.substring(colon + 1)).append('\t').append(entry, 0, colon).append('\n');
        }
        String self = view.address() != null ? view.address() : "127.0.1.1";
        hosts.append(self).append('\t').append(hostname)
                .append(hostname.equals(record.name()) ? "" : " " + record.name()).append('\n');
        if (view.hostAddress() != null) {
            hosts.append(view.hostAddress()).append("\thost.containers.internal\n");
        }
        return hosts.toString();
    }

    private static String resolvConf(NetworkConfig network, HostResolvers resolvers) {
        List<String> servers = network.dns().isEmpty() ? resolvers.nameservers() : network.dns();
        List<String> search = network.dnsSearch().isEmpty() ? resolvers.search() : network.dnsSearch();
        List<String> options = network.dnsOptions().isEmpty() ? resolvers.options() : network.dnsOptions();
        StringBuilder text = new StringBuilder();
        if (!search.isEmpty() && !search.equals(List.of("."))) {
            text.append("search ").append(String.join(" ", search)).append('\n');
        }
        for (String server : servers) {
            text.append("nameserver ").append(server).append('\n');
        }
        if (!options.isEmpty()) {
            text.append("options ").append(String.join(" ", options)).append('\n');
        }
        return text.toString();
    }
}
