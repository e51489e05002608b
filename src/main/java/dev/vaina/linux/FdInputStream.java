package dev.vaina.linux;

import java.io.IOException;
import java.io.InputStream;

/**
 * An InputStream over a raw descriptor. Needed for a pty master: reopening it through /proc/self/fd would
 * open /dev/ptmx again and make a new pty instead.
 */
public final class FdInputStream extends InputStream {
    private final int fd;

    public FdInputStream(int fd) {
        this.fd = fd;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        byte[] target = offset == 0 && length == buffer.length ? buffer : new byte[length];
        int n = FileDescriptors.read(fd, target);
        if (n > 0 && target != buffer) {
            System.arraycopy(target, 0, buffer, offset, n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        FileDescriptors.close(fd);
    }
}
