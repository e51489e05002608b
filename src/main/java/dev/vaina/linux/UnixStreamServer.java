package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A listening AF_UNIX stream socket on raw descriptors. The JDK's own unix-domain channels would do, but
 * loading them costs a monitor about 3 MiB (NIO selector provider, SecureRandom for temporary names);
 * accepted connections are plain descriptors, read and written with {@link FdInputStream} and
 * {@link FdOutputStream}.
 */
public final class UnixStreamServer implements AutoCloseable {
    private final int fd;
    private final Path path;
    private boolean closed;

    private UnixStreamServer(int fd, Path path) {
        this.fd = fd;
        this.path = path;
    }

    /**
     * Listens on {@code path}, replacing a stale socket file. The socket is bound under a temporary name
     * and renamed once listening, so that a client that sees the path is never refused. A positive
     * {@code acceptTimeoutMillis} bounds each {@link #accept()} (Linux applies SO_RCVTIMEO to accept).
     */
    public static UnixStreamServer listen(Path path, int acceptTimeoutMillis) throws IOException {
        Path fresh = path.resolveSibling(path.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        int fd;
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw NativeCallException.of("socket(AF_UNIX, SOCK_STREAM)", e);
        }
        UnixStreamServer server = new UnixStreamServer(fd, path);
        byte[] addr = SocketAddresses.unix(fresh.toString());
        try {
            LibC.INSTANCE.bind(fd, addr, addr.length);
            LibC.INSTANCE.listen(fd, 16);
            if (acceptTimeoutMillis > 0) {
                long[] timeval = {acceptTimeoutMillis / 1000, (acceptTimeoutMillis % 1000) * 1000L};
                LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval, 16);
            }
            Files.move(fresh, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (LastErrorException e) {
            server.close();
            Files.deleteIfExists(fresh);
            throw NativeCallException.of("listening on unix socket " + path, e);
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(fresh);
            throw e;
        }
        return server;
    }

    /** Waits for a connection and returns its descriptor (close-on-exec); the caller closes it. */
    public int accept() throws NativeCallException {
        while (true) {
            try {
                return LibC.INSTANCE.accept4(fd, null, null, LibC.SOCK_CLOEXEC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw NativeCallException.of("accept4(" + path + ")", e);
                }
            }
        }
    }

    /**
     * SO_SNDTIMEO on a connection: a write that cannot proceed for {@code millis} fails with EAGAIN
     * instead of blocking for as long as the peer does not read.
     */
    public static void setSendTimeout(int connection, int millis) throws NativeCallException {
        long[] timeval = {millis / 1000, (millis % 1000) * 1000L};
        try {
            LibC.INSTANCE.setsockopt(connection, LibC.SOL_SOCKET, LibC.SO_SNDTIMEO, timeval, 16);
        } catch (LastErrorException e) {
            throw NativeCallException.of("setsockopt(SO_SNDTIMEO, " + millis + " ms)", e);
        }
    }

    /**
     * shutdown(2) of a connection: a thread blocked reading it sees end of file, so that the reader can
     * close the descriptor itself (closing it under the reader's feet could close a reused number).
     */
    public static void shutdown(int connection) {
        try {
            LibC.INSTANCE.shutdown(connection, LibC.SHUT_RDWR);
        } catch (LastErrorException e) {
            // Already shut down or closed by the peer: nothing left to wake.
        }
    }

    /** The listening socket's descriptor, for a poll of it: readable when a connection waits to be accepted. */
    public int descriptor() {
        return fd;
    }

    /**
     * Takes no more connections, the descriptor left open: a thread polling it wakes (it reads as hung up), and
     * {@link #close()} closes it once that thread no longer uses it (closing it under a poll could close a reused
     * number).
     */
    public void stopAccepting() {
        if (!closed) {
            shutdown(fd);
        }
    }

    /** Stops listening (a blocked {@link #accept()} fails) and removes the socket file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        shutdown(fd);
        FileDescriptors.close(fd);
        Files.deleteIfExists(path);
    }
}
