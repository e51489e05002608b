package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.linux.MountInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeProbeTest {
    private static final List<Path> HOST_PATH = RuntimeProbe.searchPath(System.getenv("PATH"));

    @Test
    void layout_toldByWhereCgroup2sControllersFileIs(@TempDir Path root) throws Exception {
        assertEquals(new CgroupLayout(CgroupLayout.Mode.LEGACY, ""), CgroupLayout.detect(root));
        Files.createDirectories(root.resolve("unified"));
        Files.writeString(root.resolve("unified/cgroup.controllers"), "hugetlb\n");
        assertEquals(new CgroupLayout(CgroupLayout.Mode.HYBRID, "hugetlb"), CgroupLayout.detect(root));
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
        assertEquals(CgroupLayout.Mode.UNIFIED, CgroupLayout.detect(root).mode());
    }

    /** What the mount table says is mounted on /sys/fs/cgroup and /sys/fs/cgroup/unified, against detect(). */
    @Test
    void thisHost_layoutAgreesWithTheMountTable() throws Exception {
        String table = MountInfo.read(Path.of("/proc/self/mountinfo"));
        String root = typeAt(table, "/sys/fs/cgroup");
        String unified = typeAt(table, "/sys/fs/cgroup/unified");
        CgroupLayout.Mode expected = "cgroup2".equals(root) ? CgroupLayout.Mode.UNIFIED
                : "cgroup2".equals(unified) ? CgroupLayout.Mode.HYBRID : CgroupLayout.Mode.LEGACY;
        assertEquals(expected, CgroupLayout.detect().mode(), "/sys/fs/cgroup: " + root + ", unified: " + unified);
    }

    private static String typeAt(String table, String mountPoint) {
        String[] fields = MountInfo.mountAt(table, Path.of(mountPoint));
        return fields == null ? null : fields[List.of(fields).indexOf("-") + 1];
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
