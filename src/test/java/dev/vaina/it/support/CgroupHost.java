package dev.vaina.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the host's cgroups allow a mode: rootless on cgroup v1 has no controllers of its own. */
public final class CgroupHost {
    private CgroupHost() {
    }

    public static boolean unified() {
        return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    }

    /** Whether containers of this mode get cgroups of their own (freezer, memory, cpu accounting). */
    public static boolean controllersFor(VainaCli vaina) {
        return vaina.mode() == Mode.ROOTFUL || unified();
    }
}
