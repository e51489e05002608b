package dev.vaina.oci;

import dev.vaina.spec.FileBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How the host mounts cgroups: cgroup v2 alone (unified), v1 alone
 * (legacy), or v1 with a v2 tree at /sys/fs/cgroup/unified (hybrid, as systemd sets up on older hosts).
 *
 * @param unifiedControllers the controllers the hybrid v2 tree holds ("" when none or not hybrid)
 */
public record CgroupLayout(Mode mode, String unifiedControllers) {
    public enum Mode { UNIFIED, HYBRID, LEGACY }

    private static final String CGROUP_ROOT = "/sys/fs/cgroup";
    /** Where a hybrid host mounts its v2 tree, under {@link #CGROUP_ROOT}. */
    private static final String HYBRID_V2 = "unified";

    public CgroupLayout {
        unifiedControllers = unifiedControllers == null ? "" : unifiedControllers.strip();
    }

    /** This host's layout, found once per process: it does not change while a process runs. */
    private static volatile CgroupLayout host;

    public static CgroupLayout detect() {
        CgroupLayout layout = host;
        if (layout == null) {
            layout = detect(Path.of(CGROUP_ROOT));
            host = layout;
        }
        return layout;
    }

    /**
     * The layout under {@code root} (/sys/fs/cgroup), told by the file only a cgroup2 mount's root has: its
     * cgroup.controllers there (unified) or under "unified" (hybrid). Two lookups instead of a read of the mount
     * table, which grows with every mount on the host.
     */
    static CgroupLayout detect(Path root) {
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            return new CgroupLayout(Mode.UNIFIED, "");
        }
        try {
            return new CgroupLayout(Mode.HYBRID, FileBytes.readString(root.resolve(HYBRID_V2).resolve("cgroup.controllers")));
        } catch (NoSuchFileException e) {
            return new CgroupLayout(Mode.LEGACY, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cgroup layout under " + root, e);
        }
    }

    /**
     * crun (1.8) refuses hybrid hosts whose v2 tree holds any controller: "cgroups in hybrid mode not
     * supported, drop all controllers from cgroupv2". It is fine on unified and legacy hosts.
     */
    public boolean crunSupported() {
        return mode != Mode.HYBRID || unifiedControllers.isEmpty();
    }
}
