package dev.vaina.oci;

import java.nio.file.Path;

/** An OCI runtime binary, "runc" or "crun", and where it was found. */
public record OciRuntime(String name, Path path) {
    public OciRuntime {
        if (!RuntimeProbe.KNOWN.contains(name)) {
            throw new IllegalArgumentException("unknown OCI runtime \"" + name + "\": supported are "
                    + String.join(", ", RuntimeProbe.KNOWN));
        }
        if (path == null || !path.isAbsolute()) {
            throw new IllegalArgumentException("OCI runtime path must be absolute, got " + path);
        }
    }
}
