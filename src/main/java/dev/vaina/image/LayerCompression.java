package dev.vaina.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** How a layer blob is compressed, told by its first bytes (media types lie more often than magic numbers). */
enum LayerCompression {
    NONE, GZIP, ZSTD, BZIP2, XZ;

    static LayerCompression detect(BufferedInputStream in) throws IOException {
        in.mark(6);
        byte[] head = in.readNBytes(6);
        in.reset();
        if (startsWith(head, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (startsWith(head, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        return NONE;
    }

    /** The uncompressed tar stream. */
    static InputStream decompress(BufferedInputStream in) throws IOException {
        LayerCompression compression = detect(in);
        switch (compression) {
            case NONE:
                return in;
            case GZIP:
                // layers made by pigz or by appending gzip members are concatenated streams
                return GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case ZSTD:
                return new ZstdCompressorInputStream(in);
            default:
                throw new InvalidLayerException("layer is " + compression.name().toLowerCase()
                        + "-compressed; vaina extracts plain, gzip- and zstd-compressed tar layers");
        }
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
