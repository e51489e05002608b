package dev.vaina.spec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Literal IPv4 and IPv6 addresses, checked without ever asking DNS. */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpAddresses() {
    }

    public static boolean isLiteral(String text) {
        return text != null && (IPV4.matcher(text).matches() || isIpv6(text));
    }

    public static boolean isIpv6(String text) {
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            return false;
        }
        try {
            // A string with a colon is parsed as a literal, never looked up.
            return InetAddress.getByName(text) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** --add-host NAME:IP (the IP may be IPv6, so only the first colon separates). */
    public static String hostEntry(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? "" : text.substring(0, colon);
        String ip = colon < 0 ? "" : text.substring(colon + 1);
        if (name.isEmpty() || colon < 0) {
            throw new InvalidSpecException("invalid add-host \"" + text + "\": must be HOST:IP");
        }
        if (!isLiteral(ip)) {
            throw new InvalidSpecException("invalid IP address in add-host: \"" + ip + "\"");
        }
        return text;
    }

    /** A --dns server. */
    public static String dnsServer(String text) {
        if (!isLiteral(text)) {
            throw new InvalidSpecException("\"" + text + "\" is not an ip address");
        }
        return text;
    }
}
