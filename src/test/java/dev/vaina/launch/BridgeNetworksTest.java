package dev.vaina.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a running container is attached, as inspect reads it from the netavark requests kept in its run directory. */
class BridgeNetworksTest {
    private static final String REQUEST = """
            {"container_id":"%s","container_name":"web","port_mappings":[],\
            "networks":{"backend":{"static_ips":["10.90.0.150"],"aliases":["web","abababababab","db"],\
            "interface_name":"eth1","static_mac":"0a:58:0a:5a:00:96"}},\
            "network_info":{"backend":{"name":"backend","id":"%s","driver":"bridge","network_interface":"vaina3",\
            "subnets":[{"subnet":"10.90.0.0/24","gateway":"10.90.0.1"}],"ipv6_enabled":false,"internal":false,\
            "dns_enabled":true,"ipam_options":{"driver":"host-local"}}}}""".formatted("ab".repeat(32), "cd".repeat(32));
    private static final String STATUS = """
            {"backend":{"dns_search_domains":[],"dns_server_ips":[],"interfaces":{"eth1":{"mac_address":\
            "0a:58:0a:5a:00:96","subnets":[{"ipnet":"10.90.0.150/24","gateway":"10.90.0.1"}]}}}}
            """;

    @Test
    void endpoints_readTheKeptRequestAndNetavarksAnswer(@TempDir Path runDir) throws IOException {
        Path networks = Files.createDirectories(runDir.resolve("networks"));
        Files.writeString(networks.resolve("backend.json"), REQUEST);
        Files.writeString(networks.resolve("backend.status"), STATUS);
        assertEquals(List.of(new BridgeNetworks.Endpoint("backend", "10.90.0.150", "10.90.0.1", 24, "0a:58:0a:5a:00:96",
                List.of("web", "abababababab", "db"))), BridgeNetworks.endpoints(runDir));
    }

    @Test
    void endpoints_ofABrokenRequest_failNamingItsFile(@TempDir Path runDir) throws IOException {
        Path request = Files.writeString(Files.createDirectories(runDir.resolve("networks")).resolve("backend.json"),
                REQUEST.substring(0, 40));
        IOException e = assertThrows(IOException.class, () -> BridgeNetworks.endpoints(runDir));
        assertTrue(e.getMessage().startsWith(request + ": expected "), e.getMessage());
    }
}
