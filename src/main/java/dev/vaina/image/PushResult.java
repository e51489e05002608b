package dev.vaina.image;

import java.util.List;
import java.util.Objects;

/**
 * What a push stored in the registry.
 *
 * @param manifestDigest {@code sha256:...} of the manifest, what {@code --digestfile} records
 * @param configDigest {@code sha256:...} of the config as pushed (the image id there)
 * @param layerDigests {@code sha256:...} of the compressed layers, bottom first, as the manifest lists them
 * @param blobsUploaded how many blobs (layers and config) were sent; 0 when the registry had them all
 */
public record PushResult(String manifestDigest, String mediaType, String configDigest, List<String> layerDigests,
        int blobsUploaded) {
    public PushResult {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(configDigest, "configDigest");
        layerDigests = List.copyOf(layerDigests);
    }
}
