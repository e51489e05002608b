package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.CgroupHost;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `pause` and `unpause`: the cgroup freezer through the runtime; a clear refusal where there is none. */
class PauseTest {

    @EachMode
    void pause_freezesTheContainer_psShowsIt_andUnpauseThaws(VainaCli vaina) throws IOException {
        String name = ExecTest.running(vaina, "pause-" + vaina.mode());
        try {
            if (!CgroupHost.controllersFor(vaina)) {
                Result refused = vaina.run("pause", name).assertExitCode(125);
                assertEquals("Error: can not pause containers on rootless containers with cgroup V1: this container "
                        + "does not have a cgroup\n", refused.stderr());
                assertTrue(status(vaina, name).startsWith("Up "), "still running");
                return;
            }
            assertEquals(name + "\n", vaina.run("pause", name).assertSuccess().stdout());
            assertEquals("Paused", status(vaina, name));
            assertEquals("", vaina.run("ps", "-q", "--filter", "name=^" + name + "$").assertSuccess().stdout(),
                    "plain ps lists running containers only, as Podman's does");
            assertEquals("paused", DetachedTest.field(vaina.run("inspect", name).assertSuccess().stdout(), "Status"));
            String pid = DetachedTest.field(vaina.run("inspect", name).assertSuccess().stdout(), "Pid");
            assertTrue(frozen(pid), "the container's cgroup is frozen");
            Result exec = vaina.run("exec", name, "true").assertExitCode(125);
            assertTrue(exec.stderr().contains("can only create exec sessions on running containers"), exec::describe);
            Result again = vaina.run("pause", name).assertExitCode(125);
            assertEquals("Error: \"paused\" is not running, can't pause: container state improper\n", again.stderr());

            assertEquals(name + "\n", vaina.run("unpause", name).assertSuccess().stdout());
            assertTrue(status(vaina, name).startsWith("Up "), "running again");
            assertFalse(frozen(pid), "thawed");
            vaina.run("exec", name, "true").assertSuccess();
            Result notPaused = vaina.run("unpause", name).assertExitCode(125);
            assertTrue(notPaused.stderr().contains("is not paused, can't unpause: container state improper"),
                    notPaused::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void pausedContainer_canStillBeStoppedAndRemoved(VainaCli vaina) {
        if (!CgroupHost.controllersFor(vaina)) {
            // The refusal leaves the container as it was: running, and removable.
            String name = ExecTest.running(vaina, "pause-refused-" + vaina.mode());
            vaina.run("pause", name).assertExitCode(125);
            vaina.run("exec", name, "true").assertSuccess();
            vaina.run("rm", "-f", name).assertSuccess();
            RunTest.assertNoContainer(vaina, name);
            return;
        }
        String stopped = ExecTest.running(vaina, "pause-stop-" + vaina.mode());
        String removed = ExecTest.running(vaina, "pause-rm-" + vaina.mode());
        try {
            vaina.run("pause", stopped, removed).assertSuccess();
            vaina.run("stop", "-t", "2", stopped).assertSuccess();
            assertTrue(status(vaina, stopped).startsWith("Exited"), "stopped");
            vaina.run("rm", "-f", removed).assertSuccess();
            RunTest.assertNoContainer(vaina, removed);
        } finally {
            vaina.run("rm", "-f", "-t", "0", stopped, removed);
        }
    }

    /**
     * Shown paused are the containers vaina paused, as Podman shows those its state says it paused; one frozen
     * another way shows running, and unpause and stop thaw it all the same (a stop's signal would wait for ever).
     */
    @Test
    void containerFrozenAnotherWay_showsRunning_yetUnpauseAndStopThawIt() throws IOException {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        String name = ExecTest.running(vaina, "frozen-otherwise");
        try {
            String pid = DetachedTest.field(vaina.run("inspect", name).assertSuccess().stdout(), "Pid");
            freeze(pid);
            assertTrue(frozen(pid));
            assertTrue(status(vaina, name).startsWith("Up "), "not paused by vaina: shown running");
            Result exec = vaina.run("exec", name, "true").assertExitCode(125);
            assertTrue(exec.stderr().contains("can only create exec sessions on running containers"), exec::describe);
            assertEquals(name + "\n", vaina.run("unpause", name).assertSuccess().stdout());
            assertFalse(frozen(pid), "thawed by unpause");

            freeze(pid);
            vaina.run("stop", "-t", "1", name).assertSuccess();
            assertTrue(status(vaina, name).startsWith("Exited"), "stopped");
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    /** What the runtime's pause does, done by hand: v1's freezer.state, v2's cgroup.freeze. */
    private static void freeze(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts[1].equals("freezer")) {
                Files.writeString(Path.of("/sys/fs/cgroup/freezer", parts[2], "freezer.state"), "FROZEN");
                return;
            }
            if (parts[0].equals("0") && CgroupHost.unified()) {
                Files.writeString(Path.of("/sys/fs/cgroup", parts[2], "cgroup.freeze"), "1");
                return;
            }
        }
        throw new AssertionError("no freezer cgroup for " + pid);
    }

    private static String status(VainaCli vaina, String name) {
        Result ps = vaina.run("ps", "-a", "--filter", "name=^" + name + "$", "--format", "json").assertSuccess();
        return DetachedTest.field(ps.stdout(), "Status").replace("\"", "");
    }

    /** v1: the freezer controller's freezer.state; v2: cgroup.freeze in the container's cgroup. */
    private static boolean frozen(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts[1].equals("freezer")) {
                return Files.readString(Path.of("/sys/fs/cgroup/freezer", parts[2], "freezer.state")).strip().equals("FROZEN");
            }
            if (parts[0].equals("0") && CgroupHost.unified()) {
                return Files.readString(Path.of("/sys/fs/cgroup", parts[2], "cgroup.freeze")).strip().equals("1");
            }
        }
        throw new AssertionError("no freezer cgroup for " + pid);
    }
}
