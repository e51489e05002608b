package dev.vaina.net;

import dev.vaina.spec.Ascii;
import dev.vaina.spec.Subnet;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The IPv4 subnets the host already uses, for choosing a new network's: the destinations of its routes and
 * the subnets of its interfaces' addresses (a bridge without containers has no route, but its address, if it
 * still exists, counts). Subnets are handed out as Podman does, {@code 10.89.N.0/24} upwards.
 */
public final class HostSubnets {
    private static final long FIRST = Subnet.parseAddress("10.89.0.0", "10.89.0.0");
    private static final int CANDIDATES = 256 * 118; // 10.89.0.0/24 to 10.255.255.0/24

    private HostSubnets() {
    }

    /** The subnets in use on the host, the default route left out (it overlaps everything). */
    public static List<Subnet> read() {
        List<Subnet> used = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
                String[] fields = Ascii.fields(line);
                if (fields.length > 7 && !fields[0].equals("Iface")) {
                    long destination = littleEndian(fields[1]);
                    int prefix = Long.bitCount(littleEndian(fields[7]));
                    if (prefix >= 8 && prefix <= 30) {
                        used.add(new Subnet(destination, prefix));
                    }
                }
            }
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (address.getAddress() instanceof Inet4Address && address.getNetworkPrefixLength() >= 8
                            && address.getNetworkPrefixLength() <= 30) {
                        used.add(Subnet.parse(address.getAddress().getHostAddress() + "/" + address.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (IOException e) {
            // Unreadable routes: only the networks' own subnets are avoided.
        }
        return used;
    }

    /** The first {@code 10.89.N.0/24} (then 10.90.0.0/24, ...) that overlaps nothing in {@code used}. */
    public static Subnet choose(List<Subnet> used) {
        for (int i = 0; i < CANDIDATES; i++) {
            Subnet candidate = new Subnet(FIRST + ((long) i << 8), 24);
            if (used.stream().noneMatch(candidate::overlaps)) {
                return candidate;
            }
        }
        throw new IllegalStateException("could not find a free subnet between 10.89.0.0/24 and 10.255.255.0/24:"
                + " give one with --subnet");
    }

    private static long littleEndian(String hex) {
        long value = Long.parseLong(hex, 16);
        return (value & 0xff) << 24 | (value >> 8 & 0xff) << 16 | (value >> 16 & 0xff) << 8 | value >> 24 & 0xff;
    }
}
