package dev.vaina.image;

/**
 * A layer compressed for a push.
 *
 * @param diffIdHex sha256 hex of the uncompressed tar (what the config lists)
 * @param digest {@code sha256:...} of the gzip blob (what the manifest lists and the registry stores)
 * @param size bytes of the gzip blob
 */
record PushLayer(String diffIdHex, String digest, long size) {
    PushLayer {
        Digests.requireHex(diffIdHex, "layer diff id");
        Digests.requireHex(digest.substring("sha256:".length()), "layer digest");
    }
}
