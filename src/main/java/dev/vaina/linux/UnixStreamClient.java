package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Path;

/** The client's end of an AF_UNIX stream socket, on a raw descriptor (see {@link UnixStreamServer} for why). */
public final class UnixStreamClient {
    /** How long to wait between two tries while nothing listens yet. */
    private static final int RETRY_MILLIS = 1;

    private UnixStreamClient() {
    }

    /**
     * Connects to {@code path}, waiting up to {@code timeoutMillis} for a server to listen there: for a peer that
     * starts at the same moment as this process (the socket file is missing, or is a stale one nobody listens on).
     * A timeout of 0 tries once. Returns the connection's descriptor (close-on-exec); the caller closes it.
     */
    public static int connect(Path path, int timeoutMillis) throws IOException {
        byte[] addr = SocketAddresses.unix(path.toString());
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int fd;
            try {
                fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0);
            } catch (LastErrorException e) {
                throw NativeCallException.of("socket(AF_UNIX, SOCK_STREAM)", e);
            }
            int error;
            try {
                LibC.INSTANCE.connect(fd, addr, addr.length);
                return fd;
            } catch (LastErrorException e) {
                error = e.getErrorCode();
                FileDescriptors.close(fd);
                if (timeoutMillis <= 0 && error != LibC.EINTR
                        || error != LibC.ENOENT && error != LibC.ECONNREFUSED && error != LibC.EINTR) {
                    throw NativeCallException.of("connect(" + path + ")", e);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("nothing listened on " + path + " within " + timeoutMillis + " ms");
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting to connect to " + path, e);
            }
        }
    }
}
