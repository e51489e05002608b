package dev.vaina.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.PortMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the drivers hand to pasta, netavark and the monitor's command line. */
class NetworkDriverArgumentsTest {

    @Test
    void pasta_forwardsExactlyThePublishedPorts_andNothingElse() {
        List<String> command = new Pasta(Path.of("/run/c")).command(Path.of("/run/c/pasta.netns"), List.of(
                new PortMapping("127.0.0.1", 8080, 80, 1, "tcp"), new PortMapping("", 9000, 90, 2, "tcp")),
                Path.of("/run/c/pasta.pid"));
        assertEquals(List.of("pasta", "--config-net", "--quiet", "--pid", "/run/c/pasta.pid",
                "-t", "127.0.0.1/8080:80", "-t", "9000-9001:90-91", "-u", "none", "-T", "none", "-U", "none",
                "--runas", "0", "--netns", "/run/c/pasta.netns"), command);
    }

    @Test
    void publishedPorts_roundTripThroughOneWord_ipv6Included() {
        PortMapping port = new PortMapping("::1", 8080, 80, 3, "udp");
        assertEquals("udp/::1/8080/80/3", PublishedPorts.encode(port));
        assertEquals(port, PublishedPorts.decode(PublishedPorts.encode(port)));
        assertThrows(IllegalArgumentException.class, () -> PublishedPorts.decode("tcp/8080/80"));
    }

    @Test
    void netavark_requestNamesVainasOwnBridge_notPodmans() throws Exception {
        Netavark.Setup setup = new Netavark.Setup(Path.of("/run/n"), List.of(), false);
        byte[] json = new Netavark(setup, Path.of("/run/c/networks/vaina.json"), "ab".repeat(32), "web",
                VainaBridge.definition(""), new Netavark.Attachment("10.87.0.2", List.of("db"), "eth0", null))
                .request(List.of(new PortMapping("", 8080, 80, 1, "tcp")));
        Map<String, Object> request = JSON.std.mapFrom(json);
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"network_interface\":\"vaina0\"") && text.contains("\"subnet\":\"10.87.0.0/16\""), text);
        assertTrue(text.contains("\"static_ips\":[\"10.87.0.2\"]"), text);
        assertTrue(text.contains("\"aliases\":[\"web\",\"abababababab\",\"db\"]"), text);
        assertEquals("web", request.get("container_name"));
    }

    @Test
    void netavark_requestIsWhatJacksonJrWrote_withPortsAliasesAndAMac() throws IOException {
        NetworkDefinition network = new NetworkDefinition("backend", "cd".repeat(32), NetworkDefinition.BRIDGE,
                "vaina3", "2026-01-02T03:04:05.123456789Z", List.of(new NetworkDefinition.SubnetEntry("10.90.0.0/24",
                        "10.90.0.1", "10.90.0.100", "10.90.0.200")), true, true,
                Map.of("team", "caf\u00e9 \"ops\"\\"), Map.of("mtu", "1400", "isolate", "true"), "host-local");
        Netavark netavark = new Netavark(new Netavark.Setup(Path.of("/run/n"), List.of(), false),
                Path.of("/run/c/networks/backend.json"), "ab".repeat(32), "web", network,
                new Netavark.Attachment("10.90.0.150", List.of("db", "web", "cache"), "eth1", "0a:58:0a:5a:00:96"));
        List<PortMapping> ports = List.of(new PortMapping("", 8080, 80, 1, "tcp"),
                new PortMapping("127.0.0.1", 9000, 90, 3, "udp"), new PortMapping("::1", 5353, 53, 1, "udp"));
        byte[] jacksons = JSON.std.asBytes(netavark.requestDocument(ports));
        byte[] request = netavark.request(ports);
        assertEquals(new String(jacksons, StandardCharsets.UTF_8), new String(request, StandardCharsets.UTF_8));
        assertArrayEquals(jacksons, request);
    }

    @Test
    void hostResolvers_leaveLoopbackServersOut(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path conf = dir.resolve("resolv.conf");
        java.nio.file.Files.writeString(conf, "nameserver 127.0.0.53\nnameserver 10.0.0.1\nsearch a.example b.example\noptions edns0\n");
        HostResolvers resolvers = HostResolvers.parse(conf);
        assertEquals(List.of("127.0.0.53", "10.0.0.1"), resolvers.nameservers());
        assertEquals(new HostResolvers(List.of("10.0.0.1"), List.of("a.example", "b.example"), List.of("edns0")),
                resolvers.reachable());
    }
}
