package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;

/**
 * TCP and UDP sockets bound to a host port and inheritable (no FD_CLOEXEC), so that the monitor the launcher
 * starts keeps holding the port: the JDK's own sockets are always close-on-exec.
 */
public final class InetSockets {
    public static final int TCP = LibC.SOCK_STREAM;
    public static final int UDP = LibC.SOCK_DGRAM;

    private InetSockets() {
    }

    /** A socket of {@code type} bound to address:port (listening, for TCP); returns its descriptor. */
    public static int bindInheritable(int type, InetAddress address, int port) throws NativeCallException {
        boolean v6 = address instanceof Inet6Address;
        int fd;
        try {
            fd = LibC.INSTANCE.socket(v6 ? LibC.AF_INET6 : LibC.AF_INET, type, 0);
        } catch (LastErrorException e) {
            throw NativeCallException.of("socket()", e);
        }
        try {
            int[] one = {1};
            if (type == TCP) {
                // As Go's net.Listen does: a port in TIME_WAIT after the last container is not "in use".
                LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_REUSEADDR, one, 4);
            }
            if (v6) {
                LibC.INSTANCE.setsockopt(fd, LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY, one, 4);
            }
            byte[] addr = v6 ? sockaddrIn6(address, port) : sockaddrIn(address, port);
            LibC.INSTANCE.bind(fd, addr, addr.length);
            if (type == TCP) {
                LibC.INSTANCE.listen(fd, 1);
            }
            return fd;
        } catch (LastErrorException e) {
            FileDescriptors.closeQuietly(fd);
            throw NativeCallException.of("bind(" + address.getHostAddress() + ":" + port + ")", e);
        }
    }

    /** Whether the failure was EADDRINUSE: someone else holds the port. */
    public static boolean inUse(NativeCallException e) {
        return e.errno() == LibC.EADDRINUSE;
    }

    /** struct sockaddr_in: family (native order), port (network order), address, 8 bytes of zero. */
    private static byte[] sockaddrIn(InetAddress address, int port) {
        byte[] addr = new byte[16];
        family(addr, LibC.AF_INET);
        addr[2] = (byte) (port >> 8);
        addr[3] = (byte) port;
        System.arraycopy(address.getAddress(), 0, addr, 4, 4);
        return addr;
    }

    /** struct sockaddr_in6: family, port, flow info (0), address, scope id (0). */
    private static byte[] sockaddrIn6(InetAddress address, int port) {
        byte[] addr = new byte[28];
        family(addr, LibC.AF_INET6);
        addr[2] = (byte) (port >> 8);
        addr[3] = (byte) port;
        System.arraycopy(address.getAddress(), 0, addr, 8, 16);
        return addr;
    }

    private static void family(byte[] addr, int family) {
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            addr[0] = (byte) family;
        } else {
            addr[1] = (byte) family;
        }
    }
}
