package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountInfoTest {
    private static final String TABLE = String.join("\n",
            "22 1 0:21 / /run rw,nosuid shared:5 - tmpfs tmpfs rw,mode=755",
            "40 22 0:21 /vaina/netns /run/vaina/netns rw shared:20 - tmpfs tmpfs rw,mode=755",
            "41 40 0:4 net:[4026532301] /run/vaina/netns/abc rw - nsfs nsfs rw",
            "45 22 0:21 /vaina/netns /run/vaina/netns rw shared:21 master:20 - tmpfs tmpfs rw,mode=755",
            "50 22 0:40 / /var/lib/x\\040y rw - overlay overlay rw,lowerdir=/l");

    @Test
    void linesContaining_splitsOnlyTheLinesThatHoldTheText() {
        List<String[]> lines = MountInfo.linesContaining(TABLE, " - tmpfs");
        assertEquals(3, lines.size());
        assertEquals("22", lines.get(0)[0]);
        assertEquals("45", lines.get(2)[0]);
        assertEquals("overlay", MountInfo.linesContaining(TABLE, "lowerdir=").get(0)[7], "the last line, no newline");
        assertEquals(List.of(), MountInfo.linesContaining(TABLE, "cgroup2"));
    }

    @Test
    void mountAt_isTheLastMountOnThePoint_notALineThatNamesItElsewhere() {
        assertEquals("45", MountInfo.mountAt(TABLE, Path.of("/run/vaina/netns"))[0]);
        assertEquals("41", MountInfo.mountAt(TABLE, Path.of("/run/vaina/netns/abc"))[0]);
        assertNull(MountInfo.mountAt(TABLE, Path.of("/vaina/netns")), "a root field, not a mount point");
        assertNull(MountInfo.mountAt(TABLE, Path.of("/run/vaina")));
        assertEquals("50", MountInfo.mountAt(TABLE, Path.of("/var/lib/x y"))[0]);
    }

    @Test
    void escape_andPath_areEachOthersInverse() {
        String name = "/tmp/a b\\c\td\u00e9";
        String escaped = MountInfo.escape(name);
        assertEquals("/tmp/a\\040b\\134c\\011d\u00c3\u00a9", escaped);
        assertEquals(Path.of(name), MountInfo.path(escaped));
        assertEquals(Path.of("/tmp/\\x"), MountInfo.path("/tmp/\\x"), "a backslash not followed by octal digits");
    }

    /** The kernel's own table, with a mount on a path that needs escaping. */
    @Test
    void mountAt_findsAMountTheKernelListed(@TempDir Path temp) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("a b\u00e9"));
        Process unshare = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" \"$0\" && cat /proc/self/mountinfo", dir.toString())
                .redirectErrorStream(true).start();
        String table = new String(unshare.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        unshare.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, unshare.exitValue(), table);
        String[] fields = MountInfo.mountAt(table, dir);
        assertNotNull(fields, table);
        assertEquals(dir, MountInfo.path(fields[4]));
        assertNull(MountInfo.mountAt(MountInfo.read(Path.of("/proc/self/mountinfo")), dir),
                "mounted in the other namespace only");
        String[] proc = MountInfo.mountAt(MountInfo.read(Path.of("/proc/self/mountinfo")), Path.of("/proc"));
        assertNotNull(proc);
        assertEquals("proc", proc[List.of(proc).indexOf("-") + 1]);
    }
}
