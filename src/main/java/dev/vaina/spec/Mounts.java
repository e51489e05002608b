package dev.vaina.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that concern a container's mounts together. */
public final class Mounts {
    private Mounts() {
    }

    /** Two mounts on one path: Podman refuses that before it makes anything. */
    public static void checkDestinations(List<VolumeMount> mounts) {
        Set<String> seen = new HashSet<>();
        for (VolumeMount mount : mounts) {
            String destination = normalized(mount.destination());
            if (!seen.add(destination)) {
                throw new InvalidSpecException(destination + ": duplicate mount destination");
            }
        }
    }

    private static String normalized(String path) {
        String clean = java.nio.file.Path.of(path).normalize().toString();
        return clean.isEmpty() ? "/" : clean;
    }
}
