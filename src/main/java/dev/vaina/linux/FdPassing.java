package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * File descriptors sent with SCM_RIGHTS over an AF_UNIX stream socket: how {@code runc create --console-socket}
 * hands over the pty master, and how the launcher hands the held host ports to a monitor it did not start. The
 * JDK's unix sockets carry no ancillary data, so this is done with sendmsg(2) and recvmsg(2); struct msghdr, iovec
 * and cmsghdr are laid out by hand for LP64 (which {@link LibC} insists on).
 */
public final class FdPassing implements AutoCloseable {
    private static final int MSGHDR_SIZE = OutgoingMessage.MSGHDR_SIZE;
    private static final int IOVEC_SIZE = OutgoingMessage.IOVEC_SIZE;
    private static final int CMSG_HEADER_SIZE = OutgoingMessage.CMSG_HEADER_SIZE;
    /** The most descriptors one message may carry (the kernel's SCM_MAX_FD). */
    public static final int MAX_FDS = 253;
    /** CMSG_SPACE(MAX_FDS * sizeof(int)) */
    private static final int CONTROL_SIZE = CMSG_HEADER_SIZE + (MAX_FDS * 4 + 7) / 8 * 8;
    private static final int DATA_SIZE = 4096;

    private final UnixStreamServer server;
    private final Path path;

    private FdPassing(UnixStreamServer server, Path path) {
        this.server = server;
        this.path = path;
    }

    /** Binds and listens on {@code path}; accept waits at most {@code timeoutMillis} for the sender. */
    public static FdPassing listen(Path path, int timeoutMillis) throws IOException {
        return new FdPassing(UnixStreamServer.listen(path, timeoutMillis), path);
    }

    /** Accepts one connection and returns the first descriptor it sends (close-on-exec set). */
    public int receiveFd() throws NativeCallException {
        int connection = server.accept();
        try {
            return receiveFrom(connection);
        } finally {
            FileDescriptors.close(connection);
        }
    }

    private int receiveFrom(int connection) throws NativeCallException {
        Received received = receive(connection, new byte[DATA_SIZE], path.toString());
        if (received.fds().length == 0) {
            throw new NativeCallException("recvmsg(" + path + ") received " + received.length()
                    + " bytes but no descriptor");
        }
        return received.fds()[0];
    }

    /** What one recvmsg(2) brought: how many bytes, and the descriptors that came with them (close-on-exec). */
    public record Received(int length, int[] fds) {
    }

    /**
     * Sends {@code data} over the connected stream socket {@code connection}, with {@code fds} attached: the peer
     * receives them with the first of these bytes it reads ({@link #receive}).
     */
    public static void send(int connection, byte[] data, List<Integer> fds, String peer) throws NativeCallException {
        if (fds.size() > MAX_FDS) {
            throw new IllegalArgumentException("at most " + MAX_FDS + " descriptors go in one message, not " + fds.size());
        }
        try {
            long sent = new OutgoingMessage(null, data, fds).sendOn(connection);
            if (sent < data.length) {
                // The rest without the descriptors, which went with the first bytes.
                FileDescriptors.write(connection, data, (int) sent, data.length - (int) sent);
            }
        } catch (LastErrorException e) {
            throw NativeCallException.of("sendmsg(" + peer + ")", e);
        }
    }

    /**
     * Reads up to {@code data.length} bytes from the stream socket {@code connection} into {@code data}, and the
     * descriptors sent with them; a length of 0 is the end of the stream.
     */
    public static Received receive(int connection, byte[] data, String peer) throws NativeCallException {
        Memory buffer = new Memory(data.length);
        Memory iov = new Memory(IOVEC_SIZE);
        Memory control = new Memory(CONTROL_SIZE);
        Memory msg = new Memory(MSGHDR_SIZE);
        control.clear();
        msg.clear();
        iov.setPointer(0, buffer);
        iov.setLong(8, data.length);
        msg.setPointer(16, iov);
        msg.setLong(24, 1);
        msg.setPointer(32, control);
        msg.setLong(40, CONTROL_SIZE);
        long received;
        while (true) {
            try {
                received = LibC.INSTANCE.recvmsg(connection, msg, LibC.MSG_CMSG_CLOEXEC);
                break;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw NativeCallException.of("recvmsg(" + peer + ")", e);
                }
            }
        }
        buffer.read(0, data, 0, (int) received);
        long controlLength = msg.getLong(40);
        if (controlLength < CMSG_HEADER_SIZE + 4) {
            return new Received((int) received, new int[0]);
        }
        int level = control.getInt(8);
        int type = control.getInt(12);
        if (level != LibC.SOL_SOCKET || type != LibC.SCM_RIGHTS) {
            throw new NativeCallException("recvmsg(" + peer + ") got control message level " + level + " type "
                    + type + " instead of SCM_RIGHTS");
        }
        int[] fds = new int[(int) (control.getLong(0) - CMSG_HEADER_SIZE) / 4];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = control.getInt(CMSG_HEADER_SIZE + 4L * i);
        }
        return new Received((int) received, fds);
    }

    /** Stops listening and removes the socket file. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
