package dev.vaina.linux;

import java.nio.charset.StandardCharsets;

/** Packs a struct sockaddr_un by hand: cheaper to load than a JNA Structure. */
final class SocketAddresses {
    private static final int SUN_PATH_MAX = 108;

    private SocketAddresses() {
    }

    /**
     * Returns the packed address; its length is the addrlen to pass. A path starting with '@' names an
     * abstract socket (sun_path starts with a NUL byte and is not NUL-terminated), as in $NOTIFY_SOCKET.
     */
    static byte[] unix(String path) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = name.length > 0 && name[0] == '@';
        if (name.length == 0 || name.length >= SUN_PATH_MAX) {
            throw new IllegalArgumentException("unix socket path must have 1 to 107 bytes: " + path);
        }
        int length = 2 + name.length + (abstractName ? 0 : 1);
        byte[] addr = new byte[length];
        // sun_family is a native-endian unsigned short; AF_UNIX = 1 fits its low byte on little-endian.
        short family = (short) LibC.AF_UNIX;
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            addr[0] = (byte) family;
        } else {
            addr[1] = (byte) family;
        }
        System.arraycopy(name, 0, addr, 2, name.length);
        if (abstractName) {
            addr[2] = 0;
        }
        return addr;
    }
}
