package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.lang.ref.Reference;
import java.util.List;

/**
 * One message for sendmsg(2): struct msghdr with its one iovec over the data, the peer's address (a datagram's; none
 * on a connected socket) and descriptors attached (SCM_RIGHTS), laid out by hand for LP64 (which {@link LibC}
 * insists on). The header points at native blocks that only this object keeps: they stay reachable until the call
 * has returned.
 */
final class OutgoingMessage {
    static final int MSGHDR_SIZE = 56;
    static final int IOVEC_SIZE = 16;
    static final int CMSG_HEADER_SIZE = 16;

    private final Memory header = new Memory(MSGHDR_SIZE);
    private final Memory name;
    private final Memory buffer;
    private final Memory iov = new Memory(IOVEC_SIZE);
    private final Memory control;

    /** @param address the peer's struct sockaddr, or null */
    OutgoingMessage(byte[] address, byte[] data, List<Integer> fds) {
        header.clear();
        if (address != null) {
            name = new Memory(address.length);
            name.write(0, address, 0, address.length);
            header.setPointer(0, name);
            header.setInt(8, address.length);
        } else {
            name = null;
        }
        buffer = new Memory(Math.max(1, data.length));
        buffer.write(0, data, 0, data.length);
        iov.setPointer(0, buffer);
        iov.setLong(8, data.length);
        header.setPointer(16, iov);
        header.setLong(24, 1);
        if (fds.isEmpty()) {
            control = null;
            return;
        }
        // CMSG_SPACE(n * sizeof(int)): the header, then the descriptors, padded to 8 bytes.
        int space = CMSG_HEADER_SIZE + (fds.size() * 4 + 7) / 8 * 8;
        control = new Memory(space);
        control.clear();
        control.setLong(0, CMSG_HEADER_SIZE + fds.size() * 4L);
        control.setInt(8, LibC.SOL_SOCKET);
        control.setInt(12, LibC.SCM_RIGHTS);
        for (int i = 0; i < fds.size(); i++) {
            control.setInt(CMSG_HEADER_SIZE + 4L * i, fds.get(i));
        }
        header.setPointer(32, control);
        header.setLong(40, space);
    }

    /** sendmsg(2) on {@code socket}; returns how many bytes of the data went. */
    long sendOn(int socket) throws LastErrorException {
        try {
            return LibC.INSTANCE.sendmsg(socket, header, 0);
        } finally {
            Reference.reachabilityFence(this);
        }
    }
}
