package dev.vaina.unit.definition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where definition files are looked for, highest priority first: a file found in an earlier directory hides
 * one of the same name in a later one. vaina's own directories, so vaina and Podman's Quadlet can share a machine.
 * VAINA_DEFINITION_DIRS (colon-separated) replaces the list, as QUADLET_UNIT_DIRS does for Quadlet.
 */
public final class SearchPaths {
    private SearchPaths() {
    }

    public static List<Path> of(Map<String, String> env, boolean rootful, long uid) {
        String explicit = env.get("VAINA_DEFINITION_DIRS");
        List<Path> dirs = new ArrayList<>();
        if (explicit != null && !explicit.isEmpty()) {
            for (String dir : explicit.split(":")) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
            return dirs;
        }
        if (rootful) {
            dirs.add(Path.of("/run/vaina/systemd"));
            dirs.add(Path.of("/etc/vaina/systemd"));
            dirs.add(Path.of("/usr/share/vaina/systemd"));
            return dirs;
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isEmpty()) {
            dirs.add(Path.of(runtimeDir, "vaina", "systemd"));
        }
        dirs.add(userDirectory(env, false));
        dirs.add(Path.of("/etc/vaina/systemd/users", Long.toString(uid)));
        dirs.add(Path.of("/etc/vaina/systemd/users"));
        return dirs;
    }

    /**
     * Where `vaina quadlet install` puts files: the user's own directory, or /etc/vaina/systemd for root.
     */
    public static Path userDirectory(Map<String, String> env, boolean rootful) {
        if (rootful) {
            return Path.of("/etc/vaina/systemd");
        }
        String configHome = env.get("XDG_CONFIG_HOME");
        if (configHome == null || configHome.isEmpty()) {
            configHome = env.getOrDefault("HOME", System.getProperty("user.home")) + "/.config";
        }
        return Path.of(configHome, "vaina", "systemd");
    }
}
