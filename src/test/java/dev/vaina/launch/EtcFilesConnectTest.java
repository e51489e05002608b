package dev.vaina.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** network connect and disconnect of a running container, as its /etc/hosts and /etc/resolv.conf show them. */
class EtcFilesConnectTest {
    private static final String HOSTS = "127.0.0.1\tlocalhost\n10.89.0.2\tabc123 web\n10.89.0.1\thost.containers.internal\n";
    private static final String RESOLV = "search dns.podman\nnameserver 10.89.0.1\noptions edns0\n";

    @Test
    void connected_addsTheAddressAfterTheContainersOwn_andTheDnsServerFirst(@TempDir Path run) throws Exception {
        write(run);
        Object inode = Files.getAttribute(run.resolve("hosts"), "unix:ino");
        EtcFiles.connected(run, "10.90.0.5", "10.90.0.1");
        assertEquals("127.0.0.1\tlocalhost\n10.89.0.2\tabc123 web\n10.90.0.5\tabc123 web\n"
                + "10.89.0.1\thost.containers.internal\n", Files.readString(run.resolve("hosts")));
        assertEquals("search dns.podman\nnameserver 10.90.0.1\nnameserver 10.89.0.1\noptions edns0\n",
                Files.readString(run.resolve("resolv.conf")));
        assertEquals(inode, Files.getAttribute(run.resolve("hosts"), "unix:ino"), "rewritten in place: a bind mount holds it");
    }

    @Test
    void disconnected_removesWhatConnectAdded(@TempDir Path run) throws Exception {
        write(run);
        EtcFiles.connected(run, "10.90.0.5", "10.90.0.1");
        EtcFiles.disconnected(run, "10.90.0.5", "10.90.0.1", false);
        assertEquals(HOSTS, Files.readString(run.resolve("hosts")));
        assertEquals(RESOLV, Files.readString(run.resolve("resolv.conf")));
    }

    @Test
    void disconnected_keepsADnsServerAnotherNetworkStillUses_andWithoutDnsAddsNone(@TempDir Path run) throws Exception {
        write(run);
        EtcFiles.connected(run, "10.90.0.5", null);
        assertEquals(RESOLV, Files.readString(run.resolve("resolv.conf")));
        EtcFiles.disconnected(run, "10.90.0.5", "10.89.0.1", true);
        assertEquals(RESOLV, Files.readString(run.resolve("resolv.conf")));
        assertEquals(HOSTS, Files.readString(run.resolve("hosts")));
    }

    private static void write(Path run) throws Exception {
        Files.writeString(run.resolve("hostname"), "abc123\n");
        Files.writeString(run.resolve("hosts"), HOSTS);
        Files.writeString(run.resolve("resolv.conf"), RESOLV);
    }
}
