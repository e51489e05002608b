package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeProbeTest {
    private static final String HYBRID_MOUNTINFO = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String UNIFIED_MOUNTINFO =
            "35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate\n";
    private static final String LEGACY_MOUNTINFO = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            """;
    private static final List<Path> HOST_PATH = RuntimeProbe.searchPath(System.getenv("PATH"));

    @Test
    void mountinfo_modes() {
        assertEquals(CgroupLayout.Mode.HYBRID, CgroupLayout.modeOf(HYBRID_MOUNTINFO));
        assertEquals(CgroupLayout.Mode.UNIFIED, CgroupLayout.modeOf(UNIFIED_MOUNTINFO));
        assertEquals(CgroupLayout.Mode.LEGACY, CgroupLayout.modeOf(LEGACY_MOUNTINFO));
    }

    @Test
    void crun_refusedOnlyOnHybridWithV2Controllers() {
        assertTrue(!new CgroupLayout(CgroupLayout.Mode.HYBRID, "hugetlb\n").crunSupported());
        assertTrue(new CgroupLayout(CgroupLayout.Mode.HYBRID, "\n").crunSupported());
        assertTrue(new CgroupLayout(CgroupLayout.Mode.UNIFIED, "cpu memory pids").crunSupported());
        assertTrue(new CgroupLayout(CgroupLayout.Mode.LEGACY, "").crunSupported());
    }

    /** This machine: hybrid with hugetlb in the v2 tree, where crun 1.8 says "cgroups in hybrid mode not supported". */
    @Test
    void thisHost_choosesWhatActuallyRuns() throws Exception {
        CgroupLayout layout = CgroupLayout.detect();
        OciRuntime chosen = RuntimeProbe.choose(null);
        ProcessResult crun = ProcessResult.run(Path.of("/"), List.of("crun", "--version"));
        assertEquals(0, crun.exitCode(), crun.describe());
        if (layout.crunSupported()) {
            assertEquals("crun", chosen.name());
        } else {
            assertEquals(new OciRuntime("runc", Path.of("/usr/sbin/runc")), chosen);
        }
    }

    @Test
    void configured_isUsedWhenFound() {
        OciRuntime crun = RuntimeProbe.choose("crun", HOST_PATH, new CgroupLayout(CgroupLayout.Mode.HYBRID, "hugetlb"));
        assertEquals("crun", crun.name());
        assertTrue(Files.isExecutable(crun.path()));
    }

    @Test
    void configuredButMissing_failsNamingThePath() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class,
                () -> RuntimeProbe.choose("runc", List.of(Path.of("/nonexistent")), CgroupLayout.detect()));
        assertEquals("the configured OCI runtime \"runc\" was not found in PATH (/nonexistent)", e.getMessage());
    }

    @Test
    void unknownName_fails() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class,
                () -> RuntimeProbe.choose("youki", HOST_PATH, CgroupLayout.detect()));
        assertTrue(e.getMessage().contains("supported are crun, runc"), e.getMessage());
    }

    @Test
    void probing_prefersCrunWhereItWorks() {
        assertEquals("crun", RuntimeProbe.choose(null, HOST_PATH, new CgroupLayout(CgroupLayout.Mode.UNIFIED, "")).name());
        assertEquals("runc", RuntimeProbe.choose("", HOST_PATH, new CgroupLayout(CgroupLayout.Mode.HYBRID, "hugetlb")).name());
    }

    @Test
    void nothingFound_fails() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class,
                () -> RuntimeProbe.choose(null, List.of(), CgroupLayout.detect()));
        assertTrue(e.getMessage().startsWith("no usable OCI runtime: neither crun nor runc was found"), e.getMessage());
    }
}
