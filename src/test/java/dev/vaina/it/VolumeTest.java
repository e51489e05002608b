package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Named and anonymous volumes, --mount, --tmpfs and --volumes-from, against Podman where output matters. */
class VolumeTest {

    /** The volume verbs, and the refusals of bad mount specs, print and exit as Podman's do. */
    @EachMode
    void volumeVerbsAndBadSpecs_asPodman(VainaCli vaina) {
        String image = Images.busybox(vaina);
        List<String[]> steps = List.of(
                new String[] {"volume", "create", "-l", "suite=vt", "-l", "team=a", "vt-one"},
                new String[] {"volume", "create", "--label", "suite=vt", "vt-two"},
                new String[] {"volume", "create", "vt-one"},
                new String[] {"volume", "create", "bad@name"},
                new String[] {"volume", "create", "--driver", "foo", "vt-three"},
                new String[] {"volume", "ls", "--filter", "label=suite=vt"},
                new String[] {"volume", "ls", "-q", "--filter", "label=team=a"},
                new String[] {"volume", "ls", "--filter", "label=suite=vt", "--format",
                    "{{.Name}} {{.Driver}} {{.Scope}} {{.Labels}} {{.MountCount}}"},
                new String[] {"volume", "ls", "--filter", "label=suite=vt", "--format", "table {{.Name}} {{.Driver}}"},
                new String[] {"volume", "inspect", "--format", "{{.Name}} {{.Labels}} {{.Options}} {{.NeedsCopyUp}}",
                    "vt-one"},
                new String[] {"volume", "inspect", "vt-nope"},
                new String[] {"volume", "exists", "vt-one"},
                new String[] {"volume", "exists", "vt-nope"},
                new String[] {"create", "--name", "vt-user", "-v", "vt-one:/data", image, "true"},
                new String[] {"volume", "rm", "vt-one"},
                // Podman 4.3 lists the volumes that match any of the filters.
                new String[] {"volume", "ls", "-q", "--filter", "label=team=a", "--filter", "label=suite=vt"},
                new String[] {"volume", "rm", "vt-nope"},
                new String[] {"volume", "rm", "-f", "vt-nope"},
                new String[] {"volume", "prune", "-f", "--filter", "label=suite=vt"},
                new String[] {"volume", "rm", "-f", "vt-one"},
                new String[] {"ps", "-a", "-q", "--filter", "name=vt-user"},
                new String[] {"volume", "ls", "-q", "--filter", "label=suite=vt"},
                // Bad specs: refused before anything is made (the volume "vt-made" must not appear).
                new String[] {"create", "-v", "vt-made:/data:bogus", image, "true"},
                new String[] {"create", "-v", "vt-made:/data:ro,rw", image, "true"},
                new String[] {"create", "-v", "vt-made:relative", image, "true"},
                new String[] {"create", "-v", ":/data", image, "true"},
                new String[] {"create", "-v", "vt-made:/x", "-v", "vt-other:/x", image, "true"},
                new String[] {"create", "-v", "vt-made:/x", "-v", "/vt-no-such-dir:/y", image, "true"},
                new String[] {"create", "--mount", "type=foo,dst=/x", image, "true"},
                new String[] {"create", "--mount", "dst=/x", image, "true"},
                new String[] {"create", "--mount", "type=volume,src=vt-made", image, "true"},
                new String[] {"create", "--mount", "type=volume,src=vt-made,dst=/x,bogus", image, "true"},
                new String[] {"create", "--mount", "type=tmpfs,src=/tmp,dst=/x", image, "true"},
                new String[] {"create", "--tmpfs", "/x:bogus", image, "true"},
                new String[] {"create", "--volumes-from", "vt-nobody", image, "true"},
                new String[] {"volume", "exists", "vt-made"});
        List<Result> reference = new ArrayList<>();
        try (ModePodman podman = ModePodman.start(vaina)) {
            steps.forEach(args -> reference.add(podman.run(args)));
        }
        List<Result> ours = new ArrayList<>();
        try {
            steps.forEach(args -> ours.add(vaina.run(args)));
        } finally {
            vaina.run("rm", "-f", "-t", "0", "vt-user");
            vaina.run("volume", "rm", "-f", "vt-one", "vt-two", "vt-made", "vt-other");
        }
        Function<Result, String> shown = r -> (r.exitCode() + "\n" + r.stdout() + "\n" + r.stderr())
                .replaceAll("[0-9a-f]{64}", "ID");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String expected = shown.apply(reference.get(i));
            String actual = shown.apply(ours.get(i));
            if (!expected.equals(actual)) {
                differences.add(String.join(" ", steps.get(i)) + "\npodman: " + expected.replace("\n", " | ")
                        + "\nvaina:  " + actual.replace("\n", " | "));
            }
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n\n", differences));
    }

    /**
     * A new named volume gets the image's content at its path (copy-up), data written by one container is read
     * by the next, and inspect shows the volume; nocopy leaves a new volume empty.
     */
    @EachMode
    void namedVolume_copyUpAndDataBetweenContainers(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String volume = "vt-data-" + vaina.mode().label();
        try {
            vaina.run("run", "--rm", "-v", volume + ":/etc", image, "sh", "-c", "echo kept > /etc/note").assertSuccess();
            Result read = vaina.run("run", "--rm", "-v", volume + ":/mnt:ro", image, "sh", "-c",
                    "cat /mnt/note; grep -c '^app:' /mnt/passwd; touch /mnt/x 2>/dev/null || echo read-only")
                    .assertSuccess();
            assertEquals("kept\n1\nread-only\n", read.stdout(), read::describe);
            String mountpoint = vaina.run("volume", "inspect", "--format", "{{.Mountpoint}}", volume).assertSuccess()
                    .stdout().strip();
            assertTrue(mountpoint.endsWith("/volumes/" + volume + "/_data"), mountpoint);
            Result host = vaina.exec(List.of("cat", mountpoint + "/note")).assertSuccess();
            assertEquals("kept\n", host.stdout());

            vaina.run("run", "--rm", "-v", volume + "-empty:/home:nocopy", image, "true").assertSuccess();
            Result empty = vaina.run("run", "--rm", "-v", volume + "-empty:/mnt", image, "ls", "-A", "/mnt")
                    .assertSuccess();
            assertEquals("", empty.stdout(), empty::describe);
        } finally {
            vaina.run("volume", "rm", "-f", volume, volume + "-empty");
        }
    }

    /** -v CONTAINER-DIR makes an anonymous volume; rm -v and --rm remove it, plain rm keeps it. */
    @EachMode
    void anonymousVolumes_goWithRmVAndRm(VainaCli vaina) {
        // The names are compared with what was there before: other tests' volumes may come and go meanwhile,
        // but never anonymous ones of these containers.
        String image = Images.busybox(vaina);
        String name = "vt-anon-" + vaina.mode().label();
        List<String> before = names(vaina);
        vaina.run("create", "--name", name, "-v", "/data", image, "true").assertSuccess();
        List<String> made = names(vaina);
        made.removeAll(before);
        assertEquals(1, made.size(), made::toString);
        assertTrue(made.get(0).matches("[0-9a-f]{64}"), made::toString);
        Result inspect = vaina.run("volume", "inspect", "--format", "{{.Anonymous}}", made.get(0)).assertSuccess();
        assertEquals("true\n", inspect.stdout());
        vaina.run("rm", "-v", name).assertSuccess();
        assertFalse(names(vaina).contains(made.get(0)));

        vaina.run("create", "--name", name, "-v", "/data", image, "true").assertSuccess();
        List<String> kept = names(vaina);
        kept.removeAll(before);
        vaina.run("rm", name).assertSuccess();
        assertEquals(kept, without(names(vaina), before));
        vaina.run("volume", "rm", kept.get(0)).assertSuccess();

        vaina.run("run", "--rm", "-v", "/data", image, "true").assertSuccess();
        vaina.run("run", "--rm", "-d", "--name", name, "-v", "/data", image, "true").assertSuccess();
        for (int i = 0; i < 100 && !without(names(vaina), before).isEmpty(); i++) {
            sleep(100);
        }
        assertEquals(List.of(), without(names(vaina), before));
    }

    /** --mount of a bind mount and a volume, --tmpfs, and --volumes-from read-only. */
    @EachMode
    void mountTmpfsAndVolumesFrom(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String source = "vt-src-" + vaina.mode().label();
        String volume = "vt-shared-" + vaina.mode().label();
        String dir = vaina.exec(List.of("mktemp", "-d")).assertSuccess().stdout().strip();
        try {
            vaina.exec(List.of("sh", "-c", "echo from-host > " + dir + "/h")).assertSuccess();
            vaina.run("run", "--name", source, "--mount", "type=volume,src=" + volume + ",dst=/shared",
                    "--mount", "type=bind,src=" + dir + ",dst=/host,ro", "--tmpfs", "/scratch:size=1m",
                    "--mount", "type=tmpfs,dst=/t2,tmpfs-mode=700", image, "sh", "-c",
                    "echo shared > /shared/f; cat /host/h; touch /host/x 2>/dev/null || echo host-ro;"
                            + " grep -E ' /(scratch|t2) ' /proc/mounts | cut -d' ' -f1-4 | cut -d, -f1,2 | sort")
                    .assertSuccess();
            Result first = vaina.run("logs", source).assertSuccess();
            assertEquals("from-host\nhost-ro\ntmpfs /scratch tmpfs rw,nosuid\ntmpfs /t2 tmpfs rw,nosuid\n",
                    first.stdout(), first::describe);
            Result from = vaina.run("run", "--rm", "--volumes-from", source + ":ro", image, "sh", "-c",
                    "cat /shared/f /host/h; touch /shared/y 2>/dev/null || echo shared-ro; ls /scratch 2>&1 | head -1")
                    .assertSuccess();
            assertEquals("shared\nfrom-host\nshared-ro\nls: /scratch: No such file or directory\n", from.stdout(),
                    from::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", source);
            vaina.run("volume", "rm", "-f", volume);
            vaina.exec(List.of("rm", "-rf", dir));
        }
    }

    /**
     * :U gives a volume to the container's user: rootful to uid 1000 itself, rootless to the subordinate id that
     * is uid 1000 in the container; that user writes there, and the host sees the mapped owner.
     */
    @EachMode
    void chownOption_givesTheVolumeToTheContainersUser(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String volume = "vt-owned-" + vaina.mode().label();
        try {
            Result run = vaina.run("run", "--rm", "--user", "1000:1000", "-v", volume + ":/d:U", image, "sh", "-c",
                    "echo mine > /d/f && stat -c '%u:%g' /d /d/f").assertSuccess();
            assertEquals("1000:1000\n1000:1000\n", run.stdout(), run::describe);
            String mountpoint = vaina.run("volume", "inspect", "--format", "{{.Mountpoint}}", volume).assertSuccess()
                    .stdout().strip();
            String owner = vaina.exec(List.of("stat", "-c", "%u", mountpoint + "/f")).assertSuccess().stdout().strip();
            long expected = vaina.mode() == Mode.ROOTFUL ? 1000 : subordinateStart(vaina) + 999;
            assertEquals(Long.toString(expected), owner);
            vaina.run("volume", "rm", volume).assertSuccess();
            vaina.run("volume", "exists", volume).assertExitCode(1);
            assertFalse(vaina.exec(List.of("test", "-e", mountpoint)).succeeded(), "the volume's data is gone");
        } finally {
            vaina.run("volume", "rm", "-f", volume);
        }
    }

    /**
     * An image's VOLUME (made here with commit --change, as in Podman) gives each container an anonymous volume
     * there, holding the image's content at that path; rm -v removes it. Podman, on the same steps, mounts the
     * same path and prints the same content.
     */
    @EachMode
    void imageVolumes_becomeAnonymousVolumes_withTheImagesContent(VainaCli vaina) {
        String source = "vt-imgvol-src-" + vaina.mode().label();
        String user = "vt-imgvol-" + vaina.mode().label();
        String image = "localhost/vt-imgvol-" + vaina.mode().label();
        String mounts = "{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}};{{end}}";
        try (ModePodman podman = ModePodman.start(vaina)) {
            List<String> before = names(vaina);
            imageWithVolume(vaina::run, Images.busybox(vaina), source, image, user);
            imageWithVolume(podman::run, ModePodman.BUSYBOX, source, image, user);
            assertEquals(podman.run("inspect", "--format", mounts, user).assertSuccess().stdout(),
                    vaina.run("inspect", "--format", mounts, user).assertSuccess().stdout());
            List<String> made = without(names(vaina), before);
            assertEquals(1, made.size(), made::toString);
            assertEquals("true\n", vaina.run("volume", "inspect", "--format", "{{.Anonymous}}", made.get(0)).stdout());
            assertEquals(podman.run("start", "-a", user).assertSuccess().stdout(), vaina.run("start", "-a", user)
                    .assertSuccess().stdout(), "the image's content, copied into the new volume");
            assertEquals("seed\nmore\n", vaina.run("run", "--rm", "--volumes-from", user, Images.busybox(vaina), "cat",
                    "/data/f").assertSuccess().stdout(), "the container wrote into its volume");
            vaina.run("rm", "-v", user).assertSuccess();
            assertEquals(List.of(), without(names(vaina), before), "rm -v removed the image volume's anonymous volume");
        } finally {
            vaina.run("rm", "-f", "-t", "0", "-v", user, source);
            vaina.run("rmi", image);
        }
    }

    /** An image whose /data (content "seed") is a VOLUME, and a container {@code user} of it. */
    private static void imageWithVolume(Function<String[], Result> engine, String base, String source, String image,
            String user) {
        engine.apply(new String[] {"run", "--name", source, base, "sh", "-c", "mkdir /data && echo seed > /data/f"})
                .assertSuccess();
        engine.apply(new String[] {"commit", "-c", "VOLUME /data", source, image}).assertSuccess();
        engine.apply(new String[] {"create", "--name", user, image, "sh", "-c", "cat /data/f; echo more >> /data/f"})
                .assertSuccess();
    }

    private static long subordinateStart(VainaCli vaina) {
        String line = vaina.exec(List.of("sh", "-c", "grep \"^$(id -un):\" /etc/subuid | head -1")).assertSuccess()
                .stdout().strip();
        return Long.parseLong(line.split(":")[1]);
    }

    private static List<String> names(VainaCli vaina) {
        return new ArrayList<>(vaina.run("volume", "ls", "-q").assertSuccess().stdout().lines().toList());
    }

    private static List<String> without(List<String> names, List<String> before) {
        List<String> left = new ArrayList<>(names);
        left.removeAll(before);
        return left;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
