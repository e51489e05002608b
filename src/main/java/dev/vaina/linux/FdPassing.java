package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Receives a file descriptor sent with SCM_RIGHTS over an AF_UNIX stream socket: how
 * {@code runc create --console-socket} hands over the pty master. The JDK's unix sockets carry no
 * ancillary data, so this is done with recvmsg(2); struct msghdr, iovec and cmsghdr are laid out by hand
 * for LP64 (which {@link LibC} insists on).
 */
public final class FdPassing implements AutoCloseable {
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_SIZE = 16;
    private static final int CMSG_HEADER_SIZE = 16;
    private static final int CONTROL_SIZE = 64;
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
        Memory data = new Memory(DATA_SIZE);
        Memory iov = new Memory(IOVEC_SIZE);
        Memory control = new Memory(CONTROL_SIZE);
        Memory msg = new Memory(MSGHDR_SIZE);
        control.clear();
        msg.clear();
        iov.setPointer(0, data);
        iov.setLong(8, DATA_SIZE);
        msg.setPointer(16, iov);
        msg.setLong(24, 1);
        msg.setPointer(32, control);
        msg.setLong(40, CONTROL_SIZE);
        long received;
        try {
            received = LibC.INSTANCE.recvmsg(connection, msg, LibC.MSG_CMSG_CLOEXEC);
        } catch (LastErrorException e) {
            throw NativeCallException.of("recvmsg(" + path + ")", e);
        }
        long controlLength = msg.getLong(40);
        if (controlLength < CMSG_HEADER_SIZE + 4) {
            throw new NativeCallException("recvmsg(" + path + ") received " + received
                    + " bytes but no descriptor");
        }
        int level = control.getInt(8);
        int type = control.getInt(12);
        if (level != LibC.SOL_SOCKET || type != LibC.SCM_RIGHTS) {
            throw new NativeCallException("recvmsg(" + path + ") got control message level " + level + " type "
                    + type + " instead of SCM_RIGHTS");
        }
        return control.getInt(CMSG_HEADER_SIZE);
    }

    /** Stops listening and removes the socket file. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
