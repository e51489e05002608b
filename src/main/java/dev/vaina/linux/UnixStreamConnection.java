package dev.vaina.linux;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A connected AF_UNIX stream socket on a raw descriptor, shared by threads: one reads, others write, any may shut
 * it down or close it. The JDK's own unix-domain channel costs its first use some 20 ms of a thread (a lambda in its
 * selector provider, which sets the method-handle machinery up, and a SecureRandom that loads the security
 * providers); this costs JNA, which a command line that talks to systemd or a monitor has loaded anyway.
 *
 * <p>A descriptor, unlike the JDK's channel, is a number that a later open may reuse once closed: no write and no
 * shutdown reaches it after {@link #close}. Writes hold this object's lock, and so does the close; a shutdown (which
 * wakes a blocked reader with end of file, and a write blocked on a full socket with an error) does not wait for it.
 */
public final class UnixStreamConnection implements Closeable {
    private final int fd;
    /** Reads only: the descriptor is closed by {@link #close}. */
    private final FdInputStream in;
    private volatile boolean closed;

    private UnixStreamConnection(int fd) {
        this.fd = fd;
        this.in = new FdInputStream(fd);
    }

    /** Connects to {@code path}, waiting up to {@code timeoutMillis} for a listener (see {@link UnixStreamClient}). */
    public static UnixStreamConnection connect(Path path, int timeoutMillis) throws IOException {
        return new UnixStreamConnection(UnixStreamClient.connect(path, timeoutMillis));
    }

    /** Reads up to {@code length} bytes; -1 at end of file (the peer closed, or {@link #shutdown} was called). */
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, length);
    }

    /** What {@link #read} reads, as a stream; closing it leaves the connection open (see {@link #close}). */
    public InputStream input() {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // The descriptor is closed by the connection's close, under its lock.
            }
        };
    }

    /** Writes all of {@code bytes[offset, offset+length)}. */
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the connection is closed");
        }
        FileDescriptors.write(fd, bytes, offset, length);
    }

    /** Ends the connection both ways without closing the descriptor: a blocked read returns end of file. */
    public void shutdown() {
        if (!closed) {
            UnixStreamServer.shutdown(fd);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            FileDescriptors.closeQuietly(fd);
        }
    }
}
