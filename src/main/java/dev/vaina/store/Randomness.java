package dev.vaina.store;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one source of randomness for ids and generated names: the kernel's, read from /dev/urandom, which is where
 * SecureRandom's default takes it from on Linux. SecureRandom itself first sets the security providers up (the
 * java.security file, the SUN provider, a message digest to mix with): about 90 classes and 20 ms of every
 * {@code create} and {@code run}.
 */
final class Randomness {
    private static final Path SOURCE = Path.of("/dev/urandom");

    private Randomness() {
    }

    /** {@code count} random bytes. */
    static byte[] bytes(int count) {
        try (InputStream in = new FileInputStream(SOURCE.toString())) { // no file channel: see FileBytes
            byte[] bytes = in.readNBytes(count);
            if (bytes.length != count) {
                throw new IOException("it gave " + bytes.length + " bytes of " + count);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading random bytes from " + SOURCE + " failed: " + e.getMessage(), e);
        }
    }

    /** A random int from 0 to {@code bound} - 1, each as likely as the others. */
    static int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // The values at the top of the range, fewer than bound, would make the low results likelier: drawn again.
        long values = 1L << 31;
        long limit = values - values % bound;
        while (true) {
            byte[] b = bytes(4);
            int value = ((b[0] & 0x7f) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if (value < limit) {
                return value % bound;
            }
        }
    }
}
