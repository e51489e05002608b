package dev.vaina.spec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Literal IPv4 and IPv6 addresses, checked without ever asking DNS, and by hand: a launcher's bridge network is
 * parsed on its way to netavark, where compiling regular expressions cost about a millisecond.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    public static boolean isLiteral(String text) {
        return text != null && (isIpv4(text) || isIpv6(text));
    }

    /** Four decimal numbers of 0 to 255 with no leading zero, between three dots. */
    static boolean isIpv4(String text) {
        int parts = 0;
        int start = 0;
        while (true) {
            int end = text.indexOf('.', start);
            if (!isOctet(text, start, end < 0 ? text.length() : end)) {
                return false;
            }
            parts++;
            if (end < 0) {
                return parts == 4;
            }
            if (parts == 4) {
                return false;
            }
            start = end + 1;
        }
    }

    private static boolean isOctet(String text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 3 || length > 1 && text.charAt(start) == '0') {
            return false;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Ascii.isDigit(c)) {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255;
    }

    public static boolean isIpv6(String text) {
        if (!hasIpv6Characters(text)) {
            return false;
        }
        try {
            // A string with a colon is parsed as a literal, never looked up.
            return InetAddress.getByName(text) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Only hexadecimal digits, colons and dots, one colon at least. */
    static boolean hasIpv6Characters(String text) {
        return text.indexOf(':') >= 0 && Ascii.hexDigitsOr(text, 0, text.length(), ":.");
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
