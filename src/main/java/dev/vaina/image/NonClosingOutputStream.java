package dev.vaina.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A stream the caller owns: finishing an archive written into it must flush it, not close it. */
final class NonClosingOutputStream extends FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
