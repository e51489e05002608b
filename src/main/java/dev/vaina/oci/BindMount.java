package dev.vaina.oci;

import java.nio.file.Path;

/** A file or directory the launcher prepared on the host and binds into the container (hosts, hostname...). */
public record BindMount(Path source, String destination, boolean readOnly) {
    public BindMount {
        if (source == null || !source.isAbsolute()) {
            throw new IllegalArgumentException("bind mount source must be an absolute path, got " + source);
        }
        if (destination == null || !destination.startsWith("/")) {
            throw new IllegalArgumentException("bind mount destination must be an absolute path, got " + destination);
        }
    }
}
