package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An AF_UNIX SOCK_DGRAM socket, which the JDK does not offer (sd_notify needs one). */
public final class UnixDatagramSocket implements AutoCloseable {
    private final int fd;
    private boolean closed;

    private UnixDatagramSocket(int fd) {
        this.fd = fd;
    }

    /** An unbound socket, for sending. */
    public static UnixDatagramSocket open() throws NativeCallException {
        try {
            return new UnixDatagramSocket(
                    LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0));
        } catch (LastErrorException e) {
            throw NativeCallException.of("socket(AF_UNIX, SOCK_DGRAM)", e);
        }
    }

    /** A socket bound to {@code path} ('@' prefix: abstract), for receiving. */
    public static UnixDatagramSocket bind(String path) throws NativeCallException {
        UnixDatagramSocket socket = open();
        byte[] addr = SocketAddresses.unix(path);
        try {
            LibC.INSTANCE.bind(socket.fd, addr, addr.length);
        } catch (LastErrorException e) {
            socket.close();
            throw NativeCallException.of("bind(" + path + ")", e);
        }
        return socket;
    }

    public void send(String path, String message) throws NativeCallException {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        byte[] addr = SocketAddresses.unix(path);
        try {
            LibC.INSTANCE.sendto(fd, data, data.length, 0, addr, addr.length);
        } catch (LastErrorException e) {
            throw NativeCallException.of("sendto(" + path + ")", e);
        }
    }

    /** Sends {@code message} with the descriptor {@code fd} attached (SCM_RIGHTS), as sd_notify's BARRIER=1 needs. */
    public void sendWithDescriptor(String path, String message, int fd) throws NativeCallException {
        try {
            new OutgoingMessage(SocketAddresses.unix(path), message.getBytes(StandardCharsets.UTF_8), List.of(fd))
                    .sendOn(this.fd);
        } catch (LastErrorException e) {
            throw NativeCallException.of("sendmsg(" + path + ")", e);
        }
    }

    /** Receives one datagram as UTF-8 text, or returns null if none came within {@code timeoutMillis}. */
    public String receive(int timeoutMillis) throws NativeCallException {
        long[] timeval = {timeoutMillis / 1000, (timeoutMillis % 1000) * 1000L};
        byte[] buffer = new byte[4096];
        try {
            LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval, 16);
            long n = LibC.INSTANCE.recv(fd, buffer, buffer.length, 0);
            return new String(buffer, 0, (int) n, StandardCharsets.UTF_8);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.EAGAIN) {
                return null;
            }
            throw NativeCallException.of("recv(unix datagram socket)", e);
        }
    }

    @Override
    public void close() throws NativeCallException {
        if (!closed) {
            closed = true;
            FileDescriptors.close(fd);
        }
    }
}
