package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parsers behind run's confinement, sysctl and log options, with Podman's messages. */
class RunOptionsSpecTest {

    private static SecurityOptions opts(String... securityOpts) {
        return new SecurityOptions(false, List.of(), List.of(), List.of(securityOpts), false, true, List.of(), Map.of(), List.of());
    }

    @Test
    void capabilityNames_acceptAnyCaseWithOrWithoutPrefix_andRefuseUnknownOnes() {
        assertEquals(List.of("CAP_NET_ADMIN", "CAP_CHOWN", "ALL"),
                CapabilityNames.normalize(List.of("net_admin", "CAP_CHOWN", "cap_net_admin", "all")));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> CapabilityNames.normalize(List.of("bogus")));
        assertEquals("\"CAP_BOGUS\": unknown capability", e.getMessage());
    }

    @Test
    void securityOpt_lastValueWins_andPathsAccumulate() {
        SecurityOptions security = opts("no-new-privileges", "seccomp=/a.json", "seccomp=unconfined", "mask=/a:/b",
                "mask=/c", "unmask=ALL", "label=disable");
        assertTrue(security.noNewPrivileges());
        assertEquals(SecurityOptions.UNCONFINED, security.seccomp());
        assertEquals(List.of("/a", "/b", "/c"), security.masks());
        assertEquals(List.of("ALL"), security.unmasks());
        assertFalse(opts("no-new-privileges=false").noNewPrivileges());
        assertNull(opts().seccomp());
    }

    @Test
    void securityOpt_refusesWhatItDoesNotKnow() {
        for (String bad : List.of("bogus", "seccomp", "no-new-privileges=maybe", "mask=")) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> opts(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid --security-opt \"" + bad + "\""), e.getMessage());
        }
    }

    @Test
    void sysctls_onlyNamespacedKeys() {
        assertEquals(Map.of("net.ipv4.ip_forward", "1", "kernel.shmmax", "100", "fs.mqueue.msg_max", "20"),
                Sysctls.parse(List.of("net.ipv4.ip_forward=1", "kernel.shmmax=100", "fs.mqueue.msg_max=20")));
        assertEquals("sysctl 'foo.bar' is not allowed",
                assertThrows(InvalidSpecException.class, () -> Sysctls.parse(List.of("foo.bar=1"))).getMessage());
        assertEquals("net.ipv4.ip_forward is invalid, sysctl values must be in the form of KEY=VALUE",
                assertThrows(InvalidSpecException.class, () -> Sysctls.parse(List.of("net.ipv4.ip_forward"))).getMessage());
    }

    @Test
    void systemdMode_trueOnlyForInit() {
        assertTrue(SystemdMode.parse("true").appliesTo(List.of("/sbin/init")));
        assertTrue(SystemdMode.parse(null).appliesTo(List.of("/usr/lib/systemd/systemd", "--log-level=debug")));
        assertFalse(SystemdMode.parse("true").appliesTo(List.of("sh", "-c", "init")));
        assertTrue(SystemdMode.parse("always").appliesTo(List.of("sh")));
        assertFalse(SystemdMode.parse("false").appliesTo(List.of("/sbin/init")));
        assertThrows(InvalidSpecException.class, () -> SystemdMode.parse("yes"));
    }

    @Test
    void logConfig_driversOptionsAndSizes() {
        assertEquals(new LogConfig("k8s-file", "/var/log/c.log", 10 * 1024 * 1024),
                LogConfig.parse(null, List.of("path=/var/log/c.log", "max-size=10mb")));
        assertEquals(8192, LogConfig.size("8k"));
        assertEquals(9000, LogConfig.size("9000"));
        assertThrows(InvalidSpecException.class, () -> LogConfig.size("ten"));
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse("syslog", List.of()));
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse("none", List.of("path=/x.log")));
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, List.of("max-size=100")));
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, List.of("path=relative.log")));
        assertFalse(LogConfig.parse("passthrough", List.of()).readable());
    }

    @Test
    void containerConfig_refusesNetworkSysctlsWithTheHostsNetwork_andAPassthroughTerminal() {
        NetworkConfig host = new NetworkConfig("host", List.of(), List.of(), false, List.of(), List.of(), List.of(),
                List.of(), false);
        SecurityOptions netSysctl = new SecurityOptions(false, List.of(), List.of(), List.of(), false, true, List.of(),
                Map.of("net.ipv4.ip_forward", "1"), List.of());
        assertThrows(InvalidSpecException.class, () -> config(host, netSysctl, false, LogConfig.DEFAULT));
        assertThrows(InvalidSpecException.class,
                () -> config(NetworkConfig.DEFAULT, SecurityOptions.DEFAULT, true, new LogConfig("passthrough", null, 0)));
        assertEquals(LogConfig.DEFAULT, config(NetworkConfig.DEFAULT, null, false, null).log());
    }

    private static ContainerConfig config(NetworkConfig network, SecurityOptions security, boolean tty, LogConfig log) {
        return ContainerConfig.builder().network(network).security(security).tty(tty).log(log).build();
    }
}
