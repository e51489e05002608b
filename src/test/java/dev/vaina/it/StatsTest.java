package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.CgroupHost;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.util.List;

/** `stats`: a container's use from its cgroup; a clear refusal where the mode has no cgroup of its own. */
class StatsTest {
    static final String NO_CONTROLLERS = "Error: stats is not supported in rootless mode without cgroups v2\n";

    @EachMode
    void noStream_printsOneSampleFromTheCgroup_orRefusesWithoutControllers(VainaCli vaina) {
        String name = ExecTest.running(vaina, "stats-" + vaina.mode());
        try {
            if (!CgroupHost.controllersFor(vaina)) {
                Result refused = vaina.run("stats", "--no-stream", name).assertExitCode(125);
                assertEquals(NO_CONTROLLERS, refused.stderr());
                assertEquals("", refused.stdout(), "no table of zeros");
                assertEquals(NO_CONTROLLERS, vaina.run("stats", "--no-stream").assertExitCode(125).stderr());
                return;
            }
            Result stats = vaina.run("stats", "--no-stream", name).assertSuccess();
            List<String> lines = stats.stdout().lines().toList();
            assertTrue(lines.get(0).matches("^ID {12}NAME +CPU % +MEM USAGE / LIMIT +MEM % +NET IO +BLOCK IO +PIDS +"
                    + "CPU TIME +AVG CPU %$"), stats::describe);
            assertEquals(2, lines.size(), stats::describe);
            String[] cells = lines.get(1).split(" {2,}");
            assertEquals(name, cells[1], stats::describe);
            assertTrue(cells[3].matches("[0-9.]+[kMG]?B / [0-9.]+[kMGT]?B") && !cells[3].startsWith("0B"),
                    "the memory the container uses: " + stats.describe());
            assertEquals("1", cells[7], stats::describe);

            Result template = vaina.run("stats", "--no-stream", "--format", "{{.Name}} {{.PIDS}}", name).assertSuccess();
            assertEquals(name + " 1\n", template.stdout());
            Result json = vaina.run("stats", "--no-stream", "--format", "json", name).assertSuccess();
            assertTrue(json.stdout().contains("\n  \"name\": \"" + name + "\""), json::describe);
            Result badField = vaina.run("stats", "--no-stream", "--format", "{{.Nope}}", name).assertExitCode(125);
            assertTrue(badField.stderr().contains("can't evaluate field Nope"), badField::describe);

            Result all = vaina.run("stats", "--no-stream").assertSuccess();
            assertTrue(all.stdout().contains(name), all::describe);
            assertFalse(all.stdout().contains("\033["), "--no-stream does not clear the screen");
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }
}
