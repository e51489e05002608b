package dev.vaina.image.registry;

import dev.vaina.spec.json.JsonInput;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * A manifest as the registry sent it: its exact bytes (the digest covers them), media type and digest.
 * {@link #asIndex()} and {@link #asImageManifest()} parse it.
 */
public record Manifest(byte[] bytes, String mediaType, String digest) {
    public Manifest {
        Objects.requireNonNull(bytes, "bytes");
        BlobDigest.require(digest, "manifest");
        mediaType = mediaType == null ? "" : mediaType;
    }

    /** Builds one from bytes, taking the media type from the document when the server gave none. */
    static Manifest of(byte[] bytes, String contentType) throws IOException {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (!MediaTypes.isIndex(mediaType) && !MediaTypes.isImageManifest(mediaType)) {
            Object declared = parse(bytes).get("mediaType");
            if (declared instanceof String) {
                mediaType = (String) declared;
            } else if (parse(bytes).containsKey("manifests")) {
                mediaType = MediaTypes.OCI_INDEX;
            } else if (parse(bytes).containsKey("layers")) {
                mediaType = MediaTypes.OCI_MANIFEST;
            }
        }
        return new Manifest(bytes, mediaType, BlobDigest.of(bytes));
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    public ImageIndex asIndex() throws IOException {
        return ImageIndex.parse(bytes, digest);
    }

    public ImageManifest asImageManifest() throws IOException {
        if (!MediaTypes.isImageManifest(mediaType)) {
            throw new IOException("manifest " + digest + " has media type \"" + mediaType
                    + "\", not an OCI or Docker schema 2 image manifest");
        }
        return ImageManifest.parse(bytes, digest);
    }

    static Map<String, Object> parse(byte[] bytes) throws IOException {
        try {
            return JsonInput.parseObject(bytes, "the manifest");
        } catch (IOException | RuntimeException e) {
            throw new IOException("the manifest is not valid JSON: " + e.getMessage(), e);
        }
    }
}
