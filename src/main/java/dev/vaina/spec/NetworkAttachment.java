package dev.vaina.spec;

import java.util.List;

/**
 * A container's place on one named network: --network NAME with --network-alias, --ip and --mac-address, or
 * {@code network connect [--alias] [--ip] NAME CONTAINER}.
 *
 * @param network the network's name
 * @param aliases names the container also answers to on that network's DNS
 * @param ip      a static IPv4 address on the network, or null for the next free one
 * @param mac     a static MAC address, or null for a random one
 */
public record NetworkAttachment(String network, List<String> aliases, String ip, String mac) {
    public NetworkAttachment {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (ip != null && (!IpAddresses.isLiteral(ip) || ip.contains(":"))) {
            throw new InvalidSpecException(ip + " is not an IP address");
        }
        if (mac != null && !isMac(mac)) {
            throw new InvalidSpecException("invalid MAC address " + mac);
        }
    }

    /** Six pairs of hex digits (either case) joined by colons, as 02:42:ac:11:00:02. */
    static boolean isMac(String text) {
        if (text.length() != 17) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static NetworkAttachment named(String network) {
        return new NetworkAttachment(network, List.of(), null, null);
    }
}
