package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.vaina.testsupport.ShortStrings;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {
    @Test
    void subnet_parse_masksTheAddressToItsPrefix() {
        Subnet subnet = Subnet.parse("10.89.3.77/24");
        assertEquals("10.89.3.0/24", subnet.toString());
        assertEquals("10.89.3.1", subnet.defaultGateway());
        assertEquals(254, subnet.hosts());
        assertTrue(subnet.contains("10.89.3.254"));
        assertFalse(subnet.contains("10.89.4.1"));
    }

    @Test
    void subnet_parse_refusesWhatPodmanRefuses_withItsMessage() {
        assertEquals("invalid CIDR address: 10.99.0.0",
                assertThrows(InvalidSpecException.class, () -> Subnet.parse("10.99.0.0")).getMessage());
        assertEquals("invalid CIDR address: 300.1.0.0/24",
                assertThrows(InvalidSpecException.class, () -> Subnet.parse("300.1.0.0/24")).getMessage());
        assertEquals("invalid CIDR address: 10.0.0.0/33",
                assertThrows(InvalidSpecException.class, () -> Subnet.parse("10.0.0.0/33")).getMessage());
        assertThrows(InvalidSpecException.class, () -> Subnet.parse("10.0.0.0/31"));
        assertThrows(InvalidSpecException.class, () -> Subnet.parse("fd00::/64"));
    }

    @Test
    void subnet_overlaps_whenOneContainsTheOther() {
        assertTrue(Subnet.parse("10.89.0.0/16").overlaps(Subnet.parse("10.89.7.0/24")));
        assertTrue(Subnet.parse("10.89.7.0/24").overlaps(Subnet.parse("10.89.0.0/16")));
        assertFalse(Subnet.parse("10.89.0.0/24").overlaps(Subnet.parse("10.89.1.0/24")));
    }

    @Test
    void subnet_isHost_excludesNetworkAndBroadcast() {
        Subnet subnet = Subnet.parse("10.1.2.0/24");
        assertFalse(subnet.isHost(Subnet.parseAddress("10.1.2.0", "10.1.2.0")));
        assertFalse(subnet.isHost(Subnet.parseAddress("10.1.2.255", "10.1.2.255")));
        assertTrue(subnet.isHost(Subnet.parseAddress("10.1.2.1", "10.1.2.1")));
    }

    @Test
    void networkNames_followPodmansPattern_andMessage() {
        assertEquals("web_net-1.a", Names.require("network", "web_net-1.a"));
        assertEquals("network name bad name invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument",
                assertThrows(InvalidSpecException.class, () -> Names.require("network", "bad name")).getMessage());
        assertThrows(InvalidSpecException.class, () -> Names.require("network", "-x"));
    }

    @Test
    void networkMode_tellsNamesFromModes() {
        assertTrue(NetworkMode.isNetworkName("front"));
        for (String mode : List.of("bridge", "host", "none", "pasta", "slirp4netns", "private", "container:x", "ns:/p")) {
            assertFalse(NetworkMode.isNetworkName(mode), mode);
        }
    }

    @Test
    void attachment_refusesABadAddressOrMac() {
        assertThrows(InvalidSpecException.class, () -> new NetworkAttachment("n", List.of(), "10.1.2", null));
        assertThrows(InvalidSpecException.class, () -> new NetworkAttachment("n", List.of(), null, "zz:00"));
        assertEquals("02:42:ac:11:00:02", new NetworkAttachment("n", List.of("db"), "10.1.2.3", "02:42:ac:11:00:02").mac());
    }

    @Test
    void names_acceptWhatTheirFormerPatternMatched() {
        Pattern former = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
        for (String text : ShortStrings.of("aZ9_.-/ \u00e9\u0663", 4)) {
            assertEquals(former.matcher(text).matches(), Names.isValid(text), text);
        }
    }

    @Test
    void isMac_acceptsWhatItsFormerPatternMatched() {
        Pattern former = Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");
        List<String> pieces = List.of("02:", "aF:", "g0:", "0:", "02", "A", "\u0663\u0664:", "\uff21b:");
        for (String text : ShortStrings.of(pieces, 6)) {
            assertEquals(former.matcher(text).matches(), NetworkAttachment.isMac(text), text);
        }
        assertTrue(NetworkAttachment.isMac("02:42:AC:11:00:0f"));
        assertFalse(NetworkAttachment.isMac("02:42:ac:11:00:02:"));
        assertFalse(NetworkAttachment.isMac("02-42-ac-11-00-02"));
    }

    @Test
    void definition_podmanLayout_keepsPodmansKeyOrder_andLeavesEmptyLabelsOut() {
        NetworkDefinition network = new NetworkDefinition("n", "ab".repeat(32), "bridge", "vaina1", "2026-01-01T00:00:00Z",
                List.of(new NetworkDefinition.SubnetEntry("10.89.0.0/24", "10.89.0.1", null, null)), false, true,
                Map.of(), Map.of(), "host-local");
        assertEquals(List.of("name", "id", "driver", "network_interface", "created", "subnets", "ipv6_enabled", "internal",
                "dns_enabled", "ipam_options"), List.copyOf(network.podmanLayout().keySet()));
    }
    private static NetworkConfig everySetting() {
        return new NetworkConfig("bridge", List.of(new PortMapping("127.0.0.1", 8080, 80, 1, "tcp")), List.of("90/tcp"),
                true, List.of("10.0.0.1"), List.of("example.org"), List.of("ndots:2"), List.of("db:10.0.0.5"), true,
                List.of(new NetworkAttachment("web", List.of("www"), null, null)));
    }

    @Test
    void joining_keepsExposedPortsAndNameResolution_dropsWhatTheHolderOwns() {
        NetworkConfig own = everySetting();
        NetworkConfig joined = own.joining("container:" + "a".repeat(64));
        assertEquals(new NetworkConfig("container:" + "a".repeat(64), List.of(), own.exposed(), false, own.dns(),
                own.dnsSearch(), own.dnsOptions(), own.addHosts(), own.noHosts(), List.of()), joined);
        assertEquals(null, own.joining(null).mode());
    }

    @Test
    void withModeAndWithPorts_changeOnlyThat() {
        NetworkConfig own = everySetting();
        NetworkConfig changed = own.withMode("host").withPorts(List.of(), List.of("91/udp"));
        assertEquals(new NetworkConfig("host", List.of(), List.of("91/udp"), own.publishAll(), own.dns(),
                own.dnsSearch(), own.dnsOptions(), own.addHosts(), own.noHosts(), own.networks()), changed);
    }
}
