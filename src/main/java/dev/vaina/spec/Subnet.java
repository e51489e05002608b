package dev.vaina.spec;

/**
 * An IPv4 subnet in CIDR form, {@code 10.89.0.0/24}, as --subnet takes it. The address is kept as given
 * masked to its prefix, as Podman stores it.
 *
 * @param network the network address as an unsigned 32-bit number
 * @param prefix  the prefix length, 8 to 30 (a /31 or /32 leaves no address for a container beside the gateway)
 */
public record Subnet(long network, int prefix) {

    public Subnet {
        if (prefix < 8 || prefix > 30) {
            throw new InvalidSpecException("subnet " + format(network) + "/" + prefix
                    + ": the prefix length must be between 8 and 30");
        }
        network = network & mask(prefix);
    }

    public static Subnet parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || text.contains(":")) {
            if (text.contains(":")) {
                throw new InvalidSpecException("IPv6 subnets are not supported: " + text);
            }
            throw new InvalidSpecException("invalid CIDR address: " + text);
        }
        long address = parseAddress(text.substring(0, slash), text);
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("invalid CIDR address: " + text);
        }
        if (prefix < 0 || prefix > 32) {
            throw new InvalidSpecException("invalid CIDR address: " + text);
        }
        return new Subnet(address, prefix);
    }

    /** A dotted IPv4 address as a number; {@code context} names what was given, for the message. */
    public static long parseAddress(String text, String context) {
        if (!IpAddresses.isLiteral(text) || text.contains(":")) {
            throw new InvalidSpecException(text.equals(context) ? "invalid IP address: " + text
                    : "invalid CIDR address: " + context);
        }
        long value = 0;
        for (String part : text.split("\\.")) {
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    public static String format(long address) {
        return (address >> 24 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "." + (address & 0xff);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
    }

    public boolean contains(String address) {
        return contains(parseAddress(address, address));
    }

    public boolean contains(long address) {
        return (address & mask(prefix)) == network;
    }

    public boolean overlaps(Subnet other) {
        int shorter = Math.min(prefix, other.prefix);
        return (network & mask(shorter)) == (other.network & mask(shorter));
    }

    /** The n-th address of the subnet (1 is the gateway by convention). */
    public String host(long n) {
        return format(network + n);
    }

    /** Addresses a container may take: all but the network and broadcast addresses. */
    public long hosts() {
        return (1L << (32 - prefix)) - 2;
    }

    /** The usual gateway: the first address. */
    public String defaultGateway() {
        return host(1);
    }

    /** An address usable by a host on this subnet (not the network or broadcast address). */
    public boolean isHost(long address) {
        return contains(address) && address != network && address != network + hosts() + 1;
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
