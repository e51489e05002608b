package dev.vaina.image.registry;

import java.util.Map;

/**
 * A reference to a blob or manifest inside a manifest: what it is, its digest, its size.
 *
 * @param platform set only for the entries of an index
 */
public record Descriptor(String mediaType, String digest, long size, Platform platform) {
    public Descriptor {
        BlobDigest.require(digest, "descriptor");
        if (size < 0) {
            throw new IllegalArgumentException("descriptor " + digest + " has a negative size " + size);
        }
        mediaType = mediaType == null ? "" : mediaType;
    }

    static Descriptor fromJson(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        Map<?, ?> map = (Map<?, ?>) value;
        Object digest = map.get("digest");
        Object size = map.get("size");
        if (!(size instanceof Number)) {
            throw new IllegalArgumentException(where + " has no numeric \"size\"");
        }
        Platform platform = null;
        if (map.get("platform") instanceof Map) {
            Map<?, ?> p = (Map<?, ?>) map.get("platform");
            platform = new Platform(string(p.get("os")), string(p.get("architecture")), string(p.get("variant")));
        }
        try {
            return new Descriptor(string(map.get("mediaType")), digest instanceof String ? (String) digest : null,
                    ((Number) size).longValue(), platform);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }
}
