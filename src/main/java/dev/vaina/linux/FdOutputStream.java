package dev.vaina.linux;

import java.io.IOException;
import java.io.OutputStream;

/** An unbuffered OutputStream over a raw descriptor (a pipe's write end, a pty master). */
public final class FdOutputStream extends OutputStream {
    private final int fd;
    private boolean closed;

    public FdOutputStream(int fd) {
        this.fd = fd;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (length > 0) {
            FileDescriptors.write(fd, data, offset, length);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            FileDescriptors.close(fd);
        }
    }
}
