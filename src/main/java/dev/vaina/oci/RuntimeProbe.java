package dev.vaina.oci;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chooses the OCI runtime: the configured one, else crun where this host allows it, else runc. */
public final class RuntimeProbe {
    static final List<String> KNOWN = List.of("crun", "runc");

    private RuntimeProbe() {
    }

    /** @param configured "runc", "crun", or null/empty to choose by probing this host */
    public static OciRuntime choose(String configured) {
        return choose(configured, searchPath(System.getenv("PATH")), CgroupLayout.detect());
    }

    public static OciRuntime choose(String configured, List<Path> searchPath, CgroupLayout cgroups) {
        if (configured != null && !configured.isEmpty()) {
            if (!KNOWN.contains(configured)) {
                throw new RuntimeSpecException("unknown OCI runtime \"" + configured + "\" in the configuration: "
                        + "supported are " + String.join(", ", KNOWN));
            }
            return find(configured, searchPath)
                    .map(path -> new OciRuntime(configured, path))
                    .orElseThrow(() -> new RuntimeSpecException("the configured OCI runtime \"" + configured
                            + "\" was not found in PATH (" + describe(searchPath) + ")"));
        }
        Optional<Path> crun = find("crun", searchPath);
        if (crun.isPresent() && cgroups.crunSupported()) {
            return new OciRuntime("crun", crun.get());
        }
        Optional<Path> runc = find("runc", searchPath);
        if (runc.isPresent()) {
            return new OciRuntime("runc", runc.get());
        }
        String why = crun.isPresent()
                ? "crun is at " + crun.get() + " but does not support this host's hybrid cgroup layout (cgroup v2 "
                        + "controllers: " + cgroups.unifiedControllers() + "), and runc was not found"
                : "neither crun nor runc was found";
        throw new RuntimeSpecException("no usable OCI runtime: " + why + " in PATH (" + describe(searchPath) + ")");
    }

    public static List<Path> searchPath(String pathVariable) {
        List<Path> dirs = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return dirs;
    }

    private static Optional<Path> find(String name, List<Path> searchPath) {
        for (Path dir : searchPath) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(file.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static String describe(List<Path> searchPath) {
        return searchPath.isEmpty() ? "empty" : String.join(File.pathSeparator, searchPath.stream().map(Path::toString).toList());
    }
}
