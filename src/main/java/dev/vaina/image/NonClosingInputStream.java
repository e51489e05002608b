package dev.vaina.image;

import java.io.FilterInputStream;
import java.io.InputStream;

/** A stream the caller owns and reads on after a reader that closes what it was given. */
final class NonClosingInputStream extends FilterInputStream {
    NonClosingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
    }
}
