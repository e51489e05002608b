package dev.vaina.engine;

import dev.vaina.linux.MountInfo;
import dev.vaina.oci.CgroupLayout;
import dev.vaina.spec.FileBytes;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cgroup directories of a container's init process, found through /proc/PID/cgroup and where this
 * host mounts each hierarchy. On cgroup v1 (and hybrid) each controller has its own directory; on v2
 * there is one. A controller whose cgroup is its hierarchy's root is not the container's own (rootless
 * on cgroup v1, where runc cannot create cgroups) and counts as missing.
 */
final class ContainerCgroup {
    private final Map<String, Path> v1;
    private final Path unified;

    private ContainerCgroup(Map<String, Path> v1, Path unified) {
        this.v1 = v1;
        this.unified = unified;
    }

    /**
     * Where this host mounts its cgroup hierarchies, read from /proc/self/mountinfo once per process: they do not
     * move while a command runs, and that table grows with every running container (their root file systems and
     * network namespaces), so reading it for each container made `ps` quadratic in them.
     */
    private static volatile Mounts hostMounts;

    private record Mounts(Map<String, Path> v1, Path unified, CgroupLayout.Mode mode) {
        static Mounts parse(String mountinfo, CgroupLayout.Mode mode) {
            Map<String, Path> v1 = new HashMap<>();
            Path unified = null;
            // Only the cgroup file systems' lines, found without splitting every other line of the table.
            for (String[] fields : MountInfo.linesContaining(mountinfo, " - cgroup")) {
                int dash = List.of(fields).indexOf("-");
                if (dash < 0 || dash + 3 >= fields.length) {
                    continue;
                }
                String type = fields[dash + 1];
                if (type.equals("cgroup2")) {
                    unified = MountInfo.path(fields[4]);
                } else if (type.equals("cgroup")) {
                    for (String option : fields[dash + 3].split(",")) {
                        v1.put(option, MountInfo.path(fields[4]));
                    }
                }
            }
            return new Mounts(v1, unified, mode);
        }
    }

    static ContainerCgroup of(long pid) throws IOException {
        Mounts mounts = hostMounts;
        if (mounts == null) {
            mounts = Mounts.parse(MountInfo.read(Path.of("/proc/self/mountinfo")), CgroupLayout.detect().mode());
            hostMounts = mounts;
        }
        return resolve(read(Path.of("/proc", Long.toString(pid), "cgroup")), mounts);
    }

    static ContainerCgroup parse(String procCgroup, String mountinfo, CgroupLayout.Mode mode) {
        return resolve(procCgroup, Mounts.parse(mountinfo, mode));
    }

    private static ContainerCgroup resolve(String procCgroup, Mounts mounts) {
        Map<String, Path> v1 = new HashMap<>();
        Path unified = null;
        for (String line : procCgroup.split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3 || parts[2].equals("/")) {
                continue;
            }
            String relative = parts[2].substring(1);
            if (parts[1].isEmpty()) {
                if (mounts.mode() == CgroupLayout.Mode.UNIFIED && mounts.unified() != null) {
                    unified = mounts.unified().resolve(relative);
                }
                continue;
            }
            for (String controller : parts[1].split(",")) {
                Path mount = mounts.v1().get(controller);
                if (mount != null) {
                    v1.put(controller, mount.resolve(relative));
                }
            }
        }
        return new ContainerCgroup(v1, unified);
    }

    /** The v1 directory of a controller, or null. */
    Path controller(String name) {
        return v1.get(name);
    }

    /** The v2 directory on a unified host, or null. */
    Path unified() {
        return unified;
    }

    boolean hasFreezer() {
        return unified != null || v1.containsKey("freezer");
    }

    /** Frozen or freezing (v1 freezer.state), or asked to freeze (v2 cgroup.freeze). */
    boolean frozen() throws IOException {
        if (unified != null) {
            return "1".equals(readOrEmpty(unified.resolve("cgroup.freeze")));
        }
        Path freezer = v1.get("freezer");
        if (freezer == null) {
            return false;
        }
        String state = readOrEmpty(freezer.resolve("freezer.state"));
        return state.equals("FROZEN") || state.equals("FREEZING");
    }

    static String readOrEmpty(Path file) throws IOException {
        try {
            return FileBytes.readString(file).strip();
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static String read(Path file) throws IOException {
        return FileBytes.readString(file);
    }
}
