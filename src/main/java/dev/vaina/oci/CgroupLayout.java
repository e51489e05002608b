package dev.vaina.oci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How the host mounts cgroups, read from /proc/self/mountinfo: cgroup v2 alone (unified), v1 alone
 * (legacy), or v1 with a v2 tree at /sys/fs/cgroup/unified (hybrid, as systemd sets up on older hosts).
 *
 * @param unifiedControllers the controllers the hybrid v2 tree holds ("" when none or not hybrid)
 */
public record CgroupLayout(Mode mode, String unifiedControllers) {
    public enum Mode { UNIFIED, HYBRID, LEGACY }

    private static final String CGROUP_ROOT = "/sys/fs/cgroup";
    private static final String HYBRID_V2 = "/sys/fs/cgroup/unified";

    public CgroupLayout {
        unifiedControllers = unifiedControllers == null ? "" : unifiedControllers.strip();
    }

    public static CgroupLayout detect() {
        try {
            String mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
            Mode mode = modeOf(mountinfo);
            String controllers = "";
            if (mode == Mode.HYBRID) {
                try {
                    controllers = Files.readString(Path.of(HYBRID_V2, "cgroup.controllers"));
                } catch (NoSuchFileException e) {
                    controllers = "";
                }
            }
            return new CgroupLayout(mode, controllers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cgroup layout from /proc/self/mountinfo", e);
        }
    }

    /** Finds the file system type mounted last on /sys/fs/cgroup and on /sys/fs/cgroup/unified. */
    public static Mode modeOf(String mountinfo) {
        String rootType = null;
        boolean hybridV2 = false;
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.split(" ");
            int dash = Arrays.asList(fields).indexOf("-");
            if (fields.length < 5 || dash < 0 || dash + 1 >= fields.length) {
                continue;
            }
            String mountPoint = fields[4];
            String type = fields[dash + 1];
            if (mountPoint.equals(CGROUP_ROOT)) {
                rootType = type;
            } else if (mountPoint.equals(HYBRID_V2)) {
                hybridV2 = type.equals("cgroup2");
            }
        }
        if ("cgroup2".equals(rootType)) {
            return Mode.UNIFIED;
        }
        return hybridV2 ? Mode.HYBRID : Mode.LEGACY;
    }

    /**
     * crun (1.8) refuses hybrid hosts whose v2 tree holds any controller: "cgroups in hybrid mode not
     * supported, drop all controllers from cgroupv2". It is fine on unified and legacy hosts.
     */
    public boolean crunSupported() {
        return mode != Mode.HYBRID || unifiedControllers.isEmpty();
    }
}
