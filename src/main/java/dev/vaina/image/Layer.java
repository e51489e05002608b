package dev.vaina.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An extracted layer in the store.
 *
 * @param diffIdHex sha256 hex of the uncompressed tar stream (the OCI diff_id without "sha256:")
 * @param size length of the uncompressed tar stream in bytes
 * @param path the extracted tree, usable as an overlay lowerdir
 */
public record Layer(String diffIdHex, long size, Path path) {
    public Layer {
        Digests.requireHex(diffIdHex, "layer diff id");
        if (size < 0) {
            throw new IllegalArgumentException("layer size must not be negative, got " + size);
        }
        Objects.requireNonNull(path, "path");
    }
}
