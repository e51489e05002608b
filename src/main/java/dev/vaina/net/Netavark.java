package dev.vaina.net;

import dev.vaina.linux.ChildProcess;
import dev.vaina.linux.NativeCallException;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.PortMapping;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * netavark (Debian's package, as Podman runs it): attaches a network namespace to one bridge network with a
 * veth pair and writes the iptables rules (masquerade unless internal, DNAT of published ports, also from
 * 127.0.0.1, isolation between networks) and, for a network with DNS, aardvark-dns's entry for the
 * container. Nothing listens on a published port: the launcher holds the ports itself (see
 * {@link HostPorts}) so that a port in use is noticed. The request is kept in a file so that the teardown
 * undoes exactly what was set up, even after the monitor was killed.
 *
 * <p>aardvark-dns serves every container of every network with DNS, so it must not belong to the container
 * whose setup happened to start it: it runs as {@link #AARDVARK_UNIT} (see {@link #aardvarkCommand}), which
 * systemd starts after a container on such a network, and netavark is handed a program that does nothing in
 * its place. netavark tells a running aardvark-dns of each change through its PID file, and the last
 * teardown leaves it no entry, on which it exits.
 *
 * <p>Rootless, netavark runs inside the holder's namespaces ({@link RootlessNetns}): the bridges, rules and
 * aardvark-dns are the holder's.
 */
public final class Netavark implements NetworkDriver {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/lib/podman/netavark"),
            Path.of("/usr/libexec/podman/netavark"), Path.of("/usr/local/lib/podman/netavark"));
    private static final long TIMEOUT_SECONDS = 60;
    /** The unit aardvark-dns runs in, in the manager that runs the containers. */
    public static final String AARDVARK_UNIT = dev.vaina.spec.NetworkUnits.DNS;

    /** What netavark is handed as aardvark-dns: the unit starts the real one. */
    private static final String NO_AARDVARK = "/bin/true";
    /** util-linux's flock(1): holds {@link #lockFile} on a descriptor its command inherits, until that ends. */
    private static final String FLOCK = "/usr/bin/flock";
    /**
     * netavark's PATH: iptables is all it runs from it, and without systemd-run in it netavark runs
     * {@link #NO_AARDVARK} directly instead of in a scope of its own.
     */
    private static final String PATH = "/usr/sbin:/sbin";

    /**
     * How netavark is run: its state directory, and the command prefix that enters the holder's namespaces
     * (rootless; empty rootful).
     */
    public record Setup(Path configDir, List<String> enter, boolean rootless) {
        public Setup {
            enter = List.copyOf(enter);
        }
    }

    /**
     * The lock every netavark of a run root holds while it runs: two that set up or tear down the same bridge at
     * once race on its firewall chains ("iptables: Chain already exists", or a chain deleted by the network's last
     * teardown while a setup appends to it), which is why Podman serialises them too. netavark holds it itself,
     * through {@link #FLOCK}'s descriptor, which it inherits: a lock of the JVM that started it would be free
     * the moment that JVM died (a launcher that systemd stops while the network is set up), while its netavark ran
     * on beside the next one.
     */
    public static Path lockFile(Path configDir) {
        return configDir.resolve("netavark.lock");
    }

    /** netavark's state directory under a store's run root (aardvark-dns's configuration is in it). */
    public static Path configDir(Path runRoot) {
        return runRoot.resolve("networks").resolve("netavark");
    }

    /** aardvark-dns's command line for its unit, run inside {@code enter} (the holder's namespaces, rootless). */
    public static List<String> aardvarkCommand(Path configDir, List<String> enter) throws IOException {
        List<String> command = new ArrayList<>(enter);
        command.addAll(List.of(binary().resolveSibling("aardvark-dns").toString(), "--config",
                configDir.resolve("aardvark-dns").toString(), "-p", "53", "run"));
        return command;
    }

    /**
     * A command that succeeds while some container has an entry for aardvark-dns: netavark keeps one file per
     * network with DNS beside aardvark-dns's PID file, and deletes it with the network's last entry. aardvark-dns
     * exits once it has no entry, a moment after the teardown that removed the last one; a container that came in
     * that moment finds the unit still active, so the unit starts aardvark-dns again whenever it exits and this
     * says there is someone to serve.
     */
    public static List<String> aardvarkNeeded(Path configDir) {
        return List.of("/bin/sh", "-c", "for f in \"$1\"/*; do case ${f##*/} in aardvark.pid) ;; *) [ -f \"$f\" ] && exit 0 ;;"
                + " esac; done; exit 1", "sh", configDir.resolve("aardvark-dns").toString());
    }

    /** What {@link #aardvarkNeeded} checks, from here: whether some container has an entry for aardvark-dns. */
    public static boolean aardvarkHasEntries(Path configDir) throws IOException {
        try (Stream<Path> files = Files.list(configDir.resolve("aardvark-dns"))) {
            return files.anyMatch(f -> !f.getFileName().toString().equals("aardvark.pid") && Files.isRegularFile(f));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The container's place on the network: its address, the names it answers to, its interface. */
    public record Attachment(String address, List<String> aliases, String interfaceName, String mac) {
    }

    private final Setup setup;
    private final Path requestFile;
    private final String containerId;
    private final String containerName;
    private final NetworkDefinition network;
    private final Attachment attachment;

    /** @param requestFile where the setup request is kept for the teardown */
    public Netavark(Setup setup, Path requestFile, String containerId, String containerName, NetworkDefinition network,
            Attachment attachment) {
        this.setup = setup;
        this.requestFile = requestFile;
        this.containerId = containerId;
        this.containerName = containerName;
        this.network = network;
        this.attachment = attachment;
    }

    @Override
    public Connection connect(Path netns, List<PortMapping> ports) throws IOException {
        return start(netns, ports).finish();
    }

    /**
     * Starts the setup and returns at once: the launcher writes the container's bundle while netavark works,
     * and finishes it before the container starts.
     */
    public Started start(Path netns, List<PortMapping> ports) throws IOException {
        byte[] request = request(ports);
        Files.createDirectories(requestFile.getParent());
        Files.write(requestFile, request);
        return new Started(startProcess(setup, "setup", netns, request), netns);
    }

    /** A setup under way. */
    public final class Started {
        private final ChildProcess process;
        private final Path netns;

        private Started(ChildProcess process, Path netns) {
            this.process = process;
            this.netns = netns;
        }

        /** Waits for netavark's answer; a setup that failed is an IOException. */
        public Connection finish() throws IOException {
            String output = finishProcess(process, "setup");
            // What netavark made (the interface's MAC address, above all), for inspect.
            output.lines().filter(line -> line.startsWith("{")).reduce((first, last) -> last)
                    .ifPresent(json -> writeQuietly(statusFile(requestFile), json));
            return () -> teardown(setup, requestFile, netns);
        }
    }

    /** Undoes a setup whose request was kept in {@code requestFile}; does nothing when there is none. */
    public static void teardown(Setup setup, Path requestFile, Path netns) {
        try {
            if (!Files.exists(requestFile)) {
                return;
            }
            run(setup, "teardown", netns, Files.readAllBytes(requestFile));
            Files.deleteIfExists(requestFile);
            Files.deleteIfExists(statusFile(requestFile));
        } catch (IOException e) {
            System.err.println("vaina: netavark teardown: " + e.getMessage());
        }
    }

    byte[] request(List<PortMapping> ports) {
        return JsonOutput.compact().value(requestDocument(ports)).toBytes();
    }

    /** What {@link #request} writes: this container on this network, in netavark's layout. */
    Map<String, Object> requestDocument(List<PortMapping> ports) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("container_id", containerId);
        request.put("container_name", containerName);
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (PortMapping port : ports) {
            Map<String, Object> mapping = new LinkedHashMap<>();
            mapping.put("host_ip", port.hostIp());
            mapping.put("container_port", port.containerPort());
            mapping.put("host_port", port.hostPort());
            mapping.put("range", port.range());
            mapping.put("protocol", port.protocol());
            mappings.add(mapping);
        }
        request.put("port_mappings", mappings);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("static_ips", List.of(attachment.address()));
        List<String> aliases = new ArrayList<>(List.of(containerName, containerId.substring(0, 12)));
        for (String alias : attachment.aliases()) {
            if (!aliases.contains(alias)) {
                aliases.add(alias);
            }
        }
        options.put("aliases", aliases);
        options.put("interface_name", attachment.interfaceName());
        if (attachment.mac() != null) {
            options.put("static_mac", attachment.mac());
        }
        request.put("networks", Map.of(network.name(), options));
        request.put("network_info", Map.of(network.name(), network.podmanLayout()));
        return request;
    }

    /** netavark's answer to a setup kept as {@code requestFile}: NAME.status beside NAME.json. */
    public static Path statusFile(Path requestFile) {
        String name = requestFile.getFileName().toString();
        return requestFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".status");
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            // inspect then shows no MAC address; the network works all the same.
        }
    }

    private static String run(Setup setup, String verb, Path netns, byte[] request) throws IOException {
        return finishProcess(startProcess(setup, verb, netns, request), verb);
    }

    private static ChildProcess startProcess(Setup setup, String verb, Path netns, byte[] request) throws IOException {
        Files.createDirectories(setup.configDir());
        List<String> command = new ArrayList<>(List.of(FLOCK, lockFile(setup.configDir()).toString()));
        command.addAll(setup.enter());
        command.addAll(List.of(binary().toString(), "--config", setup.configDir().toString(), "--rootless",
                Boolean.toString(setup.rootless()), "--aardvark-binary", NO_AARDVARK, verb, netns.toString()));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", PATH);
        try {
            return ChildProcess.start(command, environment, request);
        } catch (NativeCallException e) {
            throw new IOException("cannot start netavark " + verb + ": " + e.getMessage(), e);
        }
    }

    private static String finishProcess(ChildProcess process, String verb) throws IOException {
        return process.finishSuccessfully("netavark " + verb, TIMEOUT_SECONDS * 1000);
    }

    static Path binary() throws IOException {
        for (Path candidate : BINARIES) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException("netavark is not installed (looked in " + BINARIES + "): install Debian's netavark"
                + " package, or use --network pasta, slirp4netns, none or host");
    }
}
