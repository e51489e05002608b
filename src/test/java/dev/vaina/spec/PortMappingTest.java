package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** -p and --expose parsing; the refusals carry Podman 4.3.1's messages (checked against it on this machine). */
class PortMappingTest {

    @Test
    void parse_containerPortOnly_leavesTheHostPortToBeChosen() {
        assertEquals(new PortMapping("", 0, 80, 1, "tcp"), PortMapping.parse("80"));
        assertEquals(new PortMapping("", 0, 80, 1, "tcp"), PortMapping.parse(":80"));
    }

    @Test
    void parse_hostAndContainerPorts() {
        assertEquals(new PortMapping("", 8080, 80, 1, "tcp"), PortMapping.parse("8080:80"));
        assertEquals(new PortMapping("", 8080, 80, 1, "udp"), PortMapping.parse("8080:80/udp"));
        assertEquals(new PortMapping("", 8080, 80, 1, "tcp"), PortMapping.parse("8080:80/TCP"));
    }

    @Test
    void parse_hostAddress_ipv4AndBracketedIpv6() {
        assertEquals(new PortMapping("127.0.0.1", 8080, 80, 1, "tcp"), PortMapping.parse("127.0.0.1:8080:80"));
        assertEquals(new PortMapping("127.0.0.1", 0, 80, 1, "udp"), PortMapping.parse("127.0.0.1::80/udp"));
        assertEquals(new PortMapping("::1", 8080, 80, 1, "tcp"), PortMapping.parse("[::1]:8080:80"));
    }

    @Test
    void parse_ranges() {
        PortMapping range = PortMapping.parse("8080-8082:80-82");
        assertEquals(new PortMapping("", 8080, 80, 3, "tcp"), range);
        assertEquals("0.0.0.0:8080-8082->80-82/tcp", range.describe());
        assertEquals(List.of(new PortMapping("", 8080, 80, 1, "tcp"), new PortMapping("", 8081, 81, 1, "tcp"),
                new PortMapping("", 8082, 82, 1, "tcp")), range.singlePorts());
        assertEquals(new PortMapping("", 0, 80, 3, "tcp"), PortMapping.parse("80-82"));
    }

    @Test
    void parse_portOutOfRange_podmansMessage() {
        assertRefused("99999:80", "parsing host port: port numbers must be between 1 and 65535 (inclusive), got 99999");
        assertRefused("0:80", "parsing host port: port numbers must be between 1 and 65535 (inclusive), got 0");
        assertRefused("8080:0", "parsing container port: port numbers must be between 1 and 65535 (inclusive), got 0");
        assertRefused("65536", "parsing container port: port numbers must be between 1 and 65535 (inclusive), got 65536");
        assertRefused("-1:80", "parsing host port: port numbers cannot be negative");
    }

    @Test
    void parse_notANumber_podmansMessage() {
        assertRefused("80:abc", "parsing container port: invalid port number: strconv.Atoi: parsing \"abc\": invalid syntax");
        assertRefused("abc", "parsing container port: invalid port number: strconv.Atoi: parsing \"abc\": invalid syntax");
    }

    @Test
    void parse_mismatchedRanges_podmansMessage() {
        assertRefused("8080-8082:80-81", "host and container port ranges have different lengths: 3 vs 2");
        assertRefused("80:80-81", "host and container port ranges have different lengths: 1 vs 2");
        assertRefused("8082-8080:80-82", "parsing host port: the end port of a range must be higher than the start"
                + " port - 8080 is not higher than 8082");
    }

    @Test
    void parse_badFormatAddressOrProtocol_podmansMessage() {
        assertRefused("1.2.3.4:80:80:80", "invalid port format - format is [[hostIP:]hostPort:]containerPort");
        assertRefused("300.1.1.1:80:80", "cannot parse \"300.1.1.1\" as an IP address");
        assertRefused("localhost:80:80", "cannot parse \"localhost\" as an IP address");
        assertRefused("80/foo", "unrecognized protocol \"foo\" in port mapping");
        assertRefused("8080:80/tcp/udp", "invalid port format - protocol can only be specified once");
    }

    @Test
    void parse_sctp_refusedNamingWhatIsAllowed() {
        assertRefused("80/sctp", "unsupported protocol \"sctp\" in port mapping: vaina publishes tcp and udp ports");
    }

    @Test
    void parseExposed_onePerPort() {
        assertEquals(List.of("90/tcp"), PortMapping.parseExposed("90"));
        assertEquals(List.of("90/udp", "91/udp"), PortMapping.parseExposed("90-91/udp"));
        assertThrows(InvalidSpecException.class, () -> PortMapping.parseExposed("x"));
    }

    @Test
    void networkMode_parsesEveryForm() {
        assertEquals(NetworkMode.DEFAULT, NetworkMode.parse(null));
        assertEquals(NetworkMode.DEFAULT, NetworkMode.parse("private"));
        assertEquals(NetworkMode.Kind.NONE, NetworkMode.parse("none").kind());
        assertEquals(NetworkMode.Kind.HOST, NetworkMode.parse("host").kind());
        assertEquals(NetworkMode.Kind.PASTA, NetworkMode.parse("pasta").kind());
        assertEquals(NetworkMode.Kind.SLIRP4NETNS, NetworkMode.parse("slirp4netns").kind());
        assertEquals(new NetworkMode(NetworkMode.Kind.CONTAINER, "db"), NetworkMode.parse("container:db"));
        assertEquals(new NetworkMode(NetworkMode.Kind.NS, "/run/netns/x"), NetworkMode.parse("ns:/run/netns/x"));
        InvalidSpecException unknown = assertThrows(InvalidSpecException.class, () -> NetworkMode.parse("mynet"));
        assertEquals(true, unknown.getMessage().startsWith("unable to find network with name or ID mynet: network not found"));
        assertThrows(InvalidSpecException.class, () -> NetworkMode.parse("ns:relative"));
        assertThrows(InvalidSpecException.class, () -> NetworkMode.parse("container:"));
    }

    @Test
    void hostEntriesAndDnsServers_mustBeAddresses() {
        assertEquals("db:10.0.0.5", IpAddresses.hostEntry("db:10.0.0.5"));
        assertEquals("v6:fd00::1", IpAddresses.hostEntry("v6:fd00::1"));
        assertEquals("invalid IP address in add-host: \"nowhere\"",
                assertThrows(InvalidSpecException.class, () -> IpAddresses.hostEntry("db:nowhere")).getMessage());
        assertEquals("\"dns.example\" is not an ip address",
                assertThrows(InvalidSpecException.class, () -> IpAddresses.dnsServer("dns.example")).getMessage());
    }

    private static void assertRefused(String spec, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> PortMapping.parse(spec));
        assertEquals(message, e.getMessage());
    }
}
