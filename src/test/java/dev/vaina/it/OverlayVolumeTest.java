package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** -v SOURCE:DEST:O: the container writes to an overlay of its own over the source, gone at each start and stop. */
class OverlayVolumeTest {
    /** Reads the source through the overlay, changes it there, and shows what the mount is. */
    private static final String CHANGE = "cat /x/f; echo changed > /x/f; echo new > /x/g; rm /x/gone; cat /x/f /x/g;"
            + " ls /x; grep ' /x ' /proc/mounts | cut -d' ' -f3; stat -c '%a' /x";

    /**
     * The container sees the host directory, its changes never reach it, and a restart begins again from the
     * directory as it is: the same as Podman on the same steps. inspect shows the overlay's directories, which go
     * when the container stops and with rm -f.
     */
    @EachMode
    void hostDirectory_changesStayInTheContainer_andGoAtRestart_asPodman(VainaCli vaina) {
        String name = "ov-host-" + vaina.mode().label();
        String dir = hostDirectory(vaina);
        try (ModePodman podman = ModePodman.start(vaina)) {
            List<String> expected = changeTwice(podman::run, ModePodman.BUSYBOX, name, dir);
            List<String> actual = changeTwice(vaina::run, Images.busybox(vaina), name, dir);
            assertEquals("from-host\nchanged\nnew\nf\ng\noverlay\n750\n", expected.get(0), "Podman's first run");
            assertEquals(expected, actual);
            assertEquals("from-host\n", vaina.exec(List.of("cat", dir + "/f")).assertSuccess().stdout());
            assertEquals("f\ngone\n", vaina.exec(List.of("ls", dir)).assertSuccess().stdout(), "the host directory is as it was");

            Result mounts = vaina.run("inspect", "--format",
                    "{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}} {{.Source}} {{join .Options \" \"}}{{end}}", name)
                    .assertSuccess();
            String[] shown = mounts.stdout().strip().split(" ");
            assertEquals(List.of("bind", "/x", "true"), List.of(shown).subList(0, 3), mounts::describe);
            Path merge = Path.of(shown[3]);
            assertTrue(merge.endsWith("volume-overlays/0/merge"), merge.toString());
            assertEquals(List.of("lowerdir=" + dir, "upperdir=" + merge.resolveSibling("upper"),
                    "workdir=" + merge.resolveSibling("work")), List.of(shown).subList(4, shown.length));
            Path overlays = merge.getParent().getParent();
            assertFalse(Files.exists(overlays), "the exited container's overlay directories are gone: " + overlays);

            vaina.run("start", name).assertSuccess();
            vaina.run("rm", "-f", name).assertSuccess();
            assertFalse(Files.exists(overlays.getParent()), "rm -f left " + overlays.getParent());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.exec(List.of("rm", "-rf", dir));
        }
    }

    /** A named volume with O: the container's changes go with it, the volume keeps its content. */
    @EachMode
    void namedVolume_keepsItsContent(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String volume = "ov-vol-" + vaina.mode().label();
        try {
            vaina.run("run", "--rm", "-v", volume + ":/x", image, "sh", "-c", "echo kept > /x/f").assertSuccess();
            Result changed = vaina.run("run", "--rm", "-v", volume + ":/x:O", image, "sh", "-c",
                    "cat /x/f; echo lost > /x/f; echo new > /x/g; cat /x/f").assertSuccess();
            assertEquals("kept\nlost\n", changed.stdout(), changed::describe);
            Result after = vaina.run("run", "--rm", "-v", volume + ":/x", image, "sh", "-c", "cat /x/f; ls /x")
                    .assertSuccess();
            assertEquals("kept\nf\n", after.stdout(), after::describe);
        } finally {
            vaina.run("volume", "rm", "-f", volume);
        }
    }

    /** A SIGKILL of the monitor of a running container: the cleanup that follows removes its overlay's changes. */
    @EachMode
    void killedMonitor_leavesNoOverlayDirectories(VainaCli vaina) throws InterruptedException {
        String name = "ov-kill-" + vaina.mode().label();
        String dir = hostDirectory(vaina);
        try {
            vaina.run("run", "-d", "--name", name, "-v", dir + ":/x:O", Images.busybox(vaina), "sh", "-c",
                    "echo written > /x/w; sleep 1000").assertSuccess();
            String merge = vaina.run("inspect", "--format", "{{range .Mounts}}{{.Source}}{{end}}", name).assertSuccess()
                    .stdout().strip();
            Path upper = Path.of(merge).resolveSibling("upper");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Files.exists(upper.resolve("w")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(upper.resolve("w")), "the container's write went to " + upper);
            String monitor = vaina.run("inspect", "--format", "{{.State.ConmonPid}}", name).assertSuccess().stdout()
                    .strip();
            vaina.exec(List.of("kill", "-KILL", monitor)).assertSuccess();
            long stopped = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Result ps;
            do {
                Thread.sleep(100);
                ps = vaina.run("ps", "-a", "--filter", "name=^" + name + "$").assertSuccess();
            } while (!ps.stdout().contains("Exited") && System.nanoTime() < stopped);
            assertTrue(ps.stdout().contains("Exited"), ps::describe);
            assertFalse(Files.exists(upper.getParent().getParent()), "the overlay directories are gone");
            assertEquals("f\ngone\n", vaina.exec(List.of("ls", dir)).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.exec(List.of("rm", "-rf", dir));
        }
    }

    /**
     * With a user namespace of its own, the container's root reaches the overlay's directories and reads the source
     * through it; the source's files belong to ids outside its map, so it may not change them. Podman 4.3.1 fails
     * to start such a container rootful (runc: permission denied), so there is no comparison here.
     */
    @EachMode
    void ownUserNamespace_readsTheSource(VainaCli vaina) {
        String dir = hostDirectory(vaina);
        try {
            vaina.exec(List.of("chmod", "755", dir)).assertSuccess();
            Result run = vaina.run("run", "--rm", "--uidmap=0:1:4000", "-v", dir + ":/x:O", Images.busybox(vaina), "sh",
                    "-c", "cat /x/f; echo no > /x/f 2>/dev/null || echo denied; stat -c '%a' /x").assertSuccess();
            assertEquals("from-host\ndenied\n755\n", run.stdout(), run::describe);
            assertEquals("from-host\n", vaina.exec(List.of("cat", dir + "/f")).assertSuccess().stdout());
        } finally {
            vaina.exec(List.of("rm", "-rf", dir));
        }
    }

    /** cp does not write to a stopped container's overlay volume, whose changes would not outlive its next start. */
    @EachMode
    void cpToAStoppedContainersOverlayVolume_isRefused(VainaCli vaina) {
        String name = "ov-cp-" + vaina.mode().label();
        String dir = hostDirectory(vaina);
        try {
            vaina.run("create", "--name", name, "-v", dir + ":/x:O", Images.busybox(vaina), "true").assertSuccess();
            Result cp = vaina.run("cp", dir + "/f", name + ":/x/copied").assertExitCode(125);
            assertTrue(cp.stderr().contains("it is on the overlay volume " + dir + ":/x:O"), cp::describe);
            assertEquals("f\ngone\n", vaina.exec(List.of("ls", dir)).assertSuccess().stdout());
            vaina.run("cp", name + ":/x/f", dir + "/read").assertSuccess();
            assertEquals("from-host\n", vaina.exec(List.of("cat", dir + "/read")).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.exec(List.of("rm", "-rf", dir));
        }
    }

    /** What Podman refuses with O, vaina refuses with Podman's message and exit code, making nothing. */
    @EachMode
    void badCombinations_refusedAsPodman(VainaCli vaina) {
        String dir = hostDirectory(vaina);
        String image = Images.busybox(vaina);
        List<String[]> steps = List.of(
                new String[] {"create", "--name", "ov-bad", "-v", dir + ":/x:O,ro", image, "true"},
                new String[] {"create", "--name", "ov-bad", "-v", dir + ":/x:rw,O", image, "true"},
                new String[] {"create", "--name", "ov-bad", "-v", dir + ":/x:O,nocopy", image, "true"},
                new String[] {"create", "--name", "ov-bad", "-v", dir + ":/x:O,z", image, "true"},
                new String[] {"create", "--name", "ov-bad", "-v", dir + ":/x:O,upperdir=/tmp/u", image, "true"},
                new String[] {"create", "--name", "ov-bad", "--mount", "type=bind,src=" + dir + ",dst=/x,O", image,
                    "true"},
                new String[] {"create", "--name", "ov-bad", "--mount", "type=volume,src=ov-made,dst=/x,O", image,
                    "true"},
                new String[] {"volume", "exists", "ov-made"},
                new String[] {"container", "exists", "ov-bad"});
        try {
            List<Result> reference = new ArrayList<>();
            try (ModePodman podman = ModePodman.start(vaina)) {
                steps.forEach(args -> reference.add(podman.run(args)));
            }
            Function<Result, String> shown = r -> r.exitCode() + "\n" + r.stdout() + "\n" + r.stderr();
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(shown.apply(reference.get(i)), shown.apply(vaina.run(steps.get(i))), String.join(" ", steps.get(i)));
            }
            // What Podman takes and vaina does not: refused, naming what vaina takes instead.
            Result chown = vaina.run("create", "-v", dir + ":/x:O,U", image, "true").assertExitCode(125);
            assertTrue(chown.stderr().contains("vaina does not take U with O; use O alone"), chown::describe);
            Result own = vaina.run("create", "-v", dir + ":/x:O,upperdir=/tmp/u,workdir=/tmp/w", image, "true")
                    .assertExitCode(125);
            assertTrue(own.stderr().contains("vaina does not take upperdir and workdir; use O alone"), own::describe);
            Result file = vaina.run("create", "-v", dir + "/f:/x:O", image, "true").assertExitCode(125);
            assertTrue(file.stderr().contains(dir + "/f is not a directory"), file::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", "ov-bad");
            vaina.run("volume", "rm", "-f", "ov-made");
            vaina.exec(List.of("rm", "-rf", dir));
        }
    }

    /** A directory of the mode's user, mode 750, holding f ("from-host") and gone. */
    private static String hostDirectory(VainaCli vaina) {
        String dir = vaina.exec(List.of("mktemp", "-d")).assertSuccess().stdout().strip();
        vaina.exec(List.of("sh", "-c", "chmod 750 \"$1\" && echo from-host > \"$1/f\" && touch \"$1/gone\"", "sh", dir))
                .assertSuccess();
        return dir;
    }

    /** Runs CHANGE in a new container over {@code dir}, then starts it again: both outputs. */
    private static List<String> changeTwice(Function<String[], Result> engine, String image, String name, String dir) {
        String first = engine.apply(new String[] {"run", "--name", name, "-v", dir + ":/x:O", image, "sh", "-c", CHANGE})
                .assertSuccess().stdout();
        String second = engine.apply(new String[] {"start", "-a", name}).assertSuccess().stdout();
        return List.of(first, second);
    }
}
