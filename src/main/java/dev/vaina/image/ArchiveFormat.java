package dev.vaina.image;

import dev.vaina.spec.InvalidSpecException;

/** The two image archive formats Podman's save and load speak. */
public enum ArchiveFormat {
    /** docker save's layout: manifest.json, {@code <id>.json} configs, one tar per layer. */
    DOCKER_ARCHIVE("docker-archive"),
    /** An OCI image layout (oci-layout, index.json, blobs/sha256/...) in a tar. */
    OCI_ARCHIVE("oci-archive");

    private final String text;

    ArchiveFormat(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static ArchiveFormat parse(String text) {
        for (ArchiveFormat format : values()) {
            if (format.text.equals(text)) {
                return format;
            }
        }
        throw new InvalidSpecException("unsupported format \"" + text + "\": use docker-archive or oci-archive");
    }
}
