package dev.vaina.net;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.PortMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * netavark (Debian's package, as Podman runs it): attaches a network namespace to vaina's own bridge
 * {@link VainaBridge} with a veth pair and writes the iptables rules (masquerade, DNAT of published ports,
 * also from 127.0.0.1). Nothing listens on a published port: the launcher holds the ports itself (see
 * {@link HostPorts}) so that a port in use is noticed. The request is kept in a file so that the cleanup
 * can tear down exactly what was set up, even after the monitor was killed.
 */
public final class Netavark implements NetworkDriver {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/lib/podman/netavark"),
            Path.of("/usr/libexec/podman/netavark"), Path.of("/usr/local/lib/podman/netavark"));
    private static final long TIMEOUT_SECONDS = 60;

    private final Path configDir;
    private final Path requestFile;
    private final String containerId;
    private final String containerName;
    private final String address;

    /**
     * @param configDir   netavark's --config directory (aardvark-dns's state), under vaina's run root
     * @param requestFile where the setup request is kept for the teardown
     * @param address     the container's address on the bridge (see {@link BridgeAddresses})
     */
    public Netavark(Path configDir, Path requestFile, String containerId, String containerName, String address) {
        this.configDir = configDir;
        this.requestFile = requestFile;
        this.containerId = containerId;
        this.containerName = containerName;
        this.address = address;
    }

    @Override
    public Connection connect(Path netns, List<PortMapping> ports) throws IOException {
        Files.createDirectories(configDir);
        byte[] request = request(ports);
        Files.write(requestFile, request);
        run(configDir, "setup", netns, request);
        return () -> teardown(configDir, requestFile, netns);
    }

    /** Undoes a setup whose request was kept in {@code requestFile}; does nothing when there is none. */
    public static void teardown(Path configDir, Path requestFile, Path netns) {
        try {
            if (!Files.exists(requestFile)) {
                return;
            }
            run(configDir, "teardown", netns, Files.readAllBytes(requestFile));
            Files.deleteIfExists(requestFile);
        } catch (IOException e) {
            System.err.println("vaina: netavark teardown: " + e.getMessage());
        }
    }

    byte[] request(List<PortMapping> ports) throws IOException {
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
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("static_ips", List.of(address));
        attachment.put("aliases", List.of(containerName, containerId.substring(0, 12)));
        attachment.put("interface_name", "eth0");
        request.put("networks", Map.of(VainaBridge.NAME, attachment));
        request.put("network_info", Map.of(VainaBridge.NAME, VainaBridge.definition()));
        return JSON.std.asBytes(request);
    }

    private static void run(Path configDir, String verb, Path netns, byte[] request) throws IOException {
        Path binary = binary();
        Path aardvark = binary.resolveSibling("aardvark-dns");
        List<String> command = List.of(binary.toString(), "--config", configDir.toString(), "--rootless", "false",
                "--aardvark-binary", aardvark.toString(), verb, netns.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(request);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("netavark " + verb + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during netavark " + verb, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("netavark " + verb + " failed (exit code " + process.exitValue() + "): "
                    + output.strip());
        }
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
