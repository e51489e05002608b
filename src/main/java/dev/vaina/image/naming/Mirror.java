package dev.vaina.image.naming;

import java.util.Objects;

/** A [[registry.mirror]] entry: another location that serves the same images. */
public record Mirror(String location, boolean insecure, PullFromMirror pullFromMirror) {
    public Mirror {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pullFromMirror, "pullFromMirror");
    }
}
