package dev.vaina.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it: a layer's size is the length of its uncompressed tar stream. */
final class CountingInputStream extends FilterInputStream {
    private long count;
    private boolean reachedEnd;

    CountingInputStream(InputStream in) {
        super(in);
    }

    long count() {
        return count;
    }

    /** Whether a read found the end of the stream. */
    boolean reachedEnd() {
        return reachedEnd;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        } else {
            reachedEnd = true;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
        } else if (n < 0) {
            reachedEnd = true;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read instead of skip so the digest below sees every byte
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
