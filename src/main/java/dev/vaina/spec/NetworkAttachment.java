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
    private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");

    public NetworkAttachment {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (ip != null && (!IpAddresses.isLiteral(ip) || ip.contains(":"))) {
            throw new InvalidSpecException(ip + " is not an IP address");
        }
        if (mac != null && !MAC.matcher(mac).matches()) {
            throw new InvalidSpecException("invalid MAC address " + mac);
        }
    }

    public static NetworkAttachment named(String network) {
        return new NetworkAttachment(network, List.of(), null, null);
    }
}
