package dev.vaina.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.oci.CgroupLayout;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerCgroupTest {
    private static final String HYBRID_MOUNTS = String.join("\n",
            "30 25 0:26 / /sys/fs/cgroup/unified rw,nosuid shared:7 - cgroup2 cgroup2 rw,nsdelegate",
            "31 25 0:27 / /sys/fs/cgroup/systemd rw,nosuid shared:8 - cgroup cgroup rw,xattr,name=systemd",
            "35 25 0:31 / /sys/fs/cgroup/freezer rw,nosuid shared:12 - cgroup cgroup rw,freezer",
            "36 25 0:32 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:13 - cgroup cgroup rw,cpu,cpuacct");

    /** What Pausing.isPaused relies on for a container that exits while it is being looked at. */
    @Test
    void of_aProcessThatIsGone_isNoSuchFile() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        long gone = process.pid();
        assertThrows(NoSuchFileException.class, () -> ContainerCgroup.of(gone));
    }

    @Test
    void v1_eachControllerUnderItsMount() {
        ContainerCgroup cgroup = ContainerCgroup.parse("6:freezer:/abc\n2:cpu,cpuacct:/abc\n0::/abc\n", HYBRID_MOUNTS,
                CgroupLayout.Mode.HYBRID);
        assertEquals(Path.of("/sys/fs/cgroup/freezer/abc"), cgroup.controller("freezer"));
        assertEquals(Path.of("/sys/fs/cgroup/cpu,cpuacct/abc"), cgroup.controller("cpuacct"));
        assertNull(cgroup.unified(), "the hybrid v2 tree holds no controller the stats read");
        assertTrue(cgroup.hasFreezer());
    }

    @Test
    void rootlessV1_hierarchyRoots_areNotTheContainers() {
        ContainerCgroup cgroup = ContainerCgroup.parse("6:freezer:/\n2:cpu,cpuacct:/\n0::/user.slice/x.service\n",
                HYBRID_MOUNTS, CgroupLayout.Mode.HYBRID);
        assertFalse(cgroup.hasFreezer());
        assertNull(cgroup.controller("cpuacct"));
    }

    @Test
    void v2_oneDirectory() {
        ContainerCgroup cgroup = ContainerCgroup.parse("0::/user.slice/ctr\n",
                "25 1 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate", CgroupLayout.Mode.UNIFIED);
        assertEquals(Path.of("/sys/fs/cgroup/user.slice/ctr"), cgroup.unified());
        assertTrue(cgroup.hasFreezer());
    }

    @Test
    void tty_namesPseudoTerminals() {
        assertEquals("?", ProcessTable.tty(0));
        assertEquals("pts/0", ProcessTable.tty(136 << 8));
        assertEquals("pts/3", ProcessTable.tty((136 << 8) | 3));
        assertEquals("tty1", ProcessTable.tty((4 << 8) | 1));
    }
}
