package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verbs scripts lean on beyond run and ps: rename, diff, export, commit, history, events, info, system df
 * and prune, and the `container` group; each run for real, and against Podman where the output's layout counts.
 */
class ContainerVerbsTest {
    private static final String CHANGES = "echo hi > /tmp/new; rm /bin/ls; mkdir -p /etc/x; echo a >> /etc/passwd";

    @EachMode
    void diff_listsWhatTheContainerChanged_asPodmanDoes_andCommitMakesAnImageThatHasIt(VainaCli vaina) {
        String name = "verbs-diff-" + vaina.mode();
        String image = "localhost/verbs-commit-" + vaina.mode();
        try (ModePodman podman = ModePodman.start(vaina)) {
            vaina.run("run", "--name", name, Images.busybox(vaina), "sh", "-c", CHANGES).assertSuccess();
            podman.run("run", "--name", name, ModePodman.BUSYBOX, "sh", "-c", CHANGES).assertSuccess();
            Set<String> ours = lines(vaina.run("diff", name).assertSuccess().stdout());
            Set<String> theirs = lines(podman.run("diff", name).assertSuccess().stdout());
            assertEquals(theirs, ours, "the same A/C/D lines as Podman's for the same commands");
            assertTrue(ours.contains("D /bin/ls") && ours.contains("A /tmp/new") && ours.contains("C /etc/passwd"), ours::toString);

            String id = vaina.run("commit", "-c", "CMD [\"cat\", \"/tmp/new\"]", "-a", "someone", name, image)
                    .assertSuccess().stdout().strip();
            assertEquals(64, id.length(), id);
            assertEquals("hi\n", vaina.run("run", "--rm", image).assertSuccess().stdout(), "the new image has the change and the new CMD");
            vaina.run("run", "--rm", image, "test", "!", "-e", "/bin/ls").assertSuccess();

            Result history = vaina.run("history", image).assertSuccess();
            String[] rows = history.stdout().split("\n");
            assertEquals(List.of(podman.run("history", ModePodman.BUSYBOX).assertSuccess().stdout().split("\n")[0].split("\\s{2,}")),
                    List.of(rows[0].split("\\s{2,}")), "Podman's columns");
            assertTrue(rows[1].startsWith(id.substring(0, 12) + "  "), history::describe);
            assertTrue(rows[1].contains("FROM " + Images.busybox(vaina)), history::describe);
            assertEquals(id + "\n", vaina.run("history", "-q", "--no-trunc", image).assertSuccess().stdout().split("(?<=\n)")[0]);
            vaina.run("commit", "-c", "FOO bar", name, image + "-bad").assertExitCode(125);
            assertEquals(podman.run("commit", "-c", "FOO bar", name, "localhost/bad").stderr(),
                    vaina.run("commit", "-c", "FOO bar", name, image + "-bad").stderr());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("rmi", image);
        }
    }

    /** image diff and diff IMAGE: the committed layer's changes over its parent, the lines Podman prints. */
    @EachMode
    void imageDiff_listsTheTopLayersChanges_asPodmanDoes(VainaCli vaina) {
        String name = "verbs-imgdiff-" + vaina.mode();
        String image = "localhost/verbs-imgdiff-" + vaina.mode();
        try (ModePodman podman = ModePodman.start(vaina)) {
            vaina.run("run", "--name", name, Images.busybox(vaina), "sh", "-c", CHANGES).assertSuccess();
            podman.run("run", "--name", name, ModePodman.BUSYBOX, "sh", "-c", CHANGES).assertSuccess();
            vaina.run("commit", name, image).assertSuccess();
            podman.run("commit", name, image).assertSuccess();
            for (List<String> args : List.of(List.of("image", "diff", image), List.of("diff", image))) {
                Set<String> theirs = lines(podman.run(args.toArray(String[]::new)).assertSuccess().stdout());
                Set<String> ours = lines(vaina.run(args.toArray(String[]::new)).assertSuccess().stdout());
                assertEquals(theirs, ours, args::toString);
                assertFalse(ours.isEmpty(), args::toString);
            }
            for (List<String> args : List.of(List.of("image", "diff", "verbs-nosuch"), List.of("diff", "verbs-nosuch"))) {
                Result theirs = podman.run(args.toArray(String[]::new)).assertExitCode(125);
                Result ours = vaina.run(args.toArray(String[]::new)).assertExitCode(125);
                assertEquals(errorLines(theirs), errorLines(ours), ours::describe);
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("rmi", image);
        }
    }

    @EachMode
    void export_writesTheWholeFileSystem_asATar(VainaCli vaina) {
        String name = "verbs-export-" + vaina.mode();
        try {
            vaina.run("run", "--name", name, Images.busybox(vaina), "sh", "-c", CHANGES).assertSuccess();
            Result listed = vaina.exec(List.of("sh", "-c", "\"$1\" export \"$2\" | tar -t", "sh",
                    vaina.vainaExecutable().toString(), name)).assertSuccess();
            Set<String> entries = lines(listed.stdout());
            assertTrue(entries.contains("tmp/new"), "the container's own file");
            assertTrue(entries.contains("bin/sh"), "the image's files");
            assertFalse(entries.contains("bin/ls"), "a file it deleted");
            assertTrue(entries.stream().noneMatch(e -> e.contains(".wh.")), "no whiteouts");
            vaina.run("export", "nosuch").assertExitCode(125);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void rename_stoppedOrRunning_thenStartByTheNewName(VainaCli vaina) {
        String first = "verbs-rename-a-" + vaina.mode();
        String second = "verbs-rename-b-" + vaina.mode();
        String third = "verbs-rename-c-" + vaina.mode();
        try {
            vaina.run("create", "--name", first, Images.busybox(vaina), "sleep", "1000").assertSuccess();
            vaina.run("rename", first, second).assertSuccess();
            vaina.run("container", "exists", first).assertExitCode(1);
            assertEquals(second + "\n", vaina.run("start", second).assertSuccess().stdout());
            assertEquals("container-" + second + ".service",
                    vaina.run("inspect", "--format", "{{.SystemdUnit}}", second).assertSuccess().stdout().strip());
            assertEquals("active\n", vaina.systemctl("is-active", "container-" + second + ".service").stdout());

            // Running: the unit keeps its name until the container next starts.
            vaina.run("rename", second, third).assertSuccess();
            assertEquals("active\n", vaina.systemctl("is-active", "container-" + second + ".service").stdout());
            vaina.run("stop", "-t", "0", third).assertSuccess();
            vaina.run("start", third).assertSuccess();
            assertEquals("active\n", vaina.systemctl("is-active", "container-" + third + ".service").stdout());
            vaina.run("create", "--name", first, Images.busybox(vaina), "true").assertSuccess();
            Result taken = vaina.run("rename", third, first).assertExitCode(125);
            assertTrue(taken.stderr().contains("name " + first + " already in use"), taken::describe);
            Result bad = vaina.run("rename", third, "bad name").assertExitCode(125);
            assertEquals("Error: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument\n", bad.stderr(), "Podman's message");
            vaina.run("rename", "nosuch", "x").assertExitCode(125);
        } finally {
            vaina.run("rm", "-f", "-t", "0", first, second, third);
        }
    }

    @EachMode
    void events_recordCreateStartDiedRemove_inPodmansLineAndJson(VainaCli vaina) {
        String name = "verbs-events-" + vaina.mode();
        vaina.run("run", "--name", name, Images.busybox(vaina), "sh", "-c", "exit 3").assertExitCode(3);
        vaina.run("rm", name).assertSuccess();
        Result lines = vaina.run("events", "--stream=false", "--filter", "container=" + name).assertSuccess();
        List<String> statuses = Arrays.stream(lines.stdout().split("\n"))
                .map(line -> line.split(" ")[5]).toList();
        assertEquals(List.of("create", "start", "died", "remove"), statuses, lines::describe);
        assertTrue(lines.stdout().split("\n")[0].matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? [+-]\\d{4} \\S+ container create [0-9a-f]{64} \\(image="
                        + Images.busybox(vaina).replace(".", "\\.") + ", name=" + name + "\\)"), lines::describe);
        Result died = vaina.run("events", "--stream=false", "--filter", "container=" + name, "--filter", "event=died",
                "--format", "{{.Status}} {{.Name}} {{.ContainerExitCode}}").assertSuccess();
        assertEquals("died " + name + " 3\n", died.stdout());
        Result json = vaina.run("events", "--stream=false", "--filter", "container=" + name, "--filter", "event=died",
                "--format", "json").assertSuccess();
        assertTrue(json.stdout().startsWith("{\"ContainerExitCode\":3,\"ID\":\""), json::describe);
        assertTrue(json.stdout().contains("\"Name\":\"" + name + "\",\"Status\":\"died\""), json::describe);
    }

    /**
     * On a private store: prune takes every container that does not run, and the other test classes, which run
     * beside this one, keep theirs.
     */
    @EachMode
    void info_systemDf_systemPrune_andTheContainerGroup(VainaCli vaina) throws java.io.IOException {
        String name = "verbs-prune-private-" + vaina.mode();
        java.nio.file.Path dir = java.nio.file.Path.of(
                vaina.exec(List.of("mktemp", "-d", "/tmp/vs.XXXXXX")).assertSuccess().stdout().strip());
        List<String> store = List.of("--root", dir.resolve("data").toString(), "--runroot", dir.resolve("run").toString());
        try {
            vaina.run(store, "import", TestImages.busyboxTarball().toString(), "localhost/busybox").assertSuccess();
            Result info = vaina.run(store, "info", "--format",
                    "{{.Host.Arch}} {{.Host.CgroupManager}} {{.Host.OCIRuntime.Name}} {{.Host.Security.Rootless}} "
                            + "{{.Store.ContainerStore.Number}} {{.Store.ImageStore.Number}} {{.Store.GraphRoot}}").assertSuccess();
            List<String> fields = List.of(info.stdout().strip().split(" "));
            assertTrue(Set.of("runc", "crun").contains(fields.get(2)), info::describe);
            assertEquals(List.of("amd64", "systemd", fields.get(2), Boolean.toString(vaina.mode() == Mode.ROOTLESS), "0", "1",
                    dir.resolve("data").toString()), fields, info::describe);
            vaina.run(store, "volume", "create", "df-used").assertSuccess();
            vaina.run(store, "volume", "create", "df-unused").assertSuccess();
            java.nio.file.Path unusedData = java.nio.file.Path.of(vaina.run(store, "volume", "inspect", "--format",
                    "{{.Mountpoint}}", "df-unused").assertSuccess().stdout().strip());
            vaina.exec(List.of("sh", "-c", "head -c 3000 /dev/zero > " + unusedData.resolve("data"))).assertSuccess();
            String id = vaina.run(store, "create", "--name", name, "-v", "df-used:/data", "localhost/busybox", "true")
                    .assertSuccess().stdout().strip();
            String listed = vaina.run(store, "container", "ls", "-a", "--format", "{{.Names}}").assertSuccess().stdout();
            assertEquals(name + "\n", listed);
            Result df = vaina.run(store, "system", "df").assertSuccess();
            String[] rows = df.stdout().split("\n");
            assertEquals("TYPE           TOTAL       ACTIVE      SIZE        RECLAIMABLE", rows[0], df::describe);
            assertTrue(rows[1].startsWith("Images         1           1           "), df::describe);
            assertEquals("Containers     1           0           0B          0B (0%)", rows[2], df::describe);
            // Both volumes; the one a container mounts is active, the other one's 3 kB could be pruned.
            assertEquals("Local Volumes  2           1           3kB         3kB (100%)", rows[3], df::describe);
            Result verbose = vaina.run(store, "system", "df", "-v").assertSuccess();
            assertTrue(verbose.stdout().endsWith("Local Volumes space usage:\n\nVOLUME NAME  LINKS       SIZE\n"
                    + "df-unused    0           3kB\ndf-used      1           0B\n"), verbose::describe);
            assertTrue(verbose.stdout().contains("LOCAL VOLUMES"), verbose::describe);
            vaina.run(store, "rm", name).assertSuccess();
            vaina.run(store, "volume", "rm", "df-used", "df-unused").assertSuccess();
            id = vaina.run(store, "create", "--name", name, "localhost/busybox", "true").assertSuccess().stdout().strip();
            Result prune = vaina.run(store, "system", "prune", "-f").assertSuccess();
            assertEquals("Deleted Containers\n" + id + "\nTotal reclaimed space: 0B\n", prune.stdout());
            vaina.run(store, "container", "exists", name).assertExitCode(1);
            vaina.run(store, "image", "exists", "localhost/busybox").assertSuccess();
            Result help = vaina.run("container", "--help").assertSuccess();
            assertTrue(help.stdout().contains("rename") && help.stdout().contains("ls"), help::describe);
        } finally {
            dev.vaina.store.FileTrees.delete(dir);
        }
    }

    @EachMode
    void completion_bashCompletesVerbsOptionsAndContainerNames_fromTheInstalledScript_andManPagesAreInstalled(VainaCli vaina) {
        String name = "verbs-complete-" + vaina.mode();
        try {
            vaina.run("create", "--name", name, Images.busybox(vaina), "true").assertSuccess();
            java.nio.file.Path script = vaina.vainaExecutable().getParent().getParent()
                    .resolve("share/bash-completion/completions/vaina");
            String complete = "source \"$1\"; COMP_WORDS=(vaina $2); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); "
                    + "_vaina; printf '%s\\n' \"${COMPREPLY[@]}\"";
            Result names = vaina.exec(List.of("bash", "-c", complete, "bash", script.toString(), "rm verbs-complete-"))
                    .assertSuccess();
            assertTrue(lines(names.stdout()).contains(name), names::describe);
            Result grouped = vaina.exec(List.of("bash", "-c", complete, "bash", script.toString(), "container ren"))
                    .assertSuccess();
            assertEquals("rename\n", grouped.stdout(), grouped::describe);
            Result options = vaina.exec(List.of("bash", "-c", complete, "bash", script.toString(), "commit --cha"))
                    .assertSuccess();
            assertEquals("--change\n", options.stdout(), options::describe);
            vaina.run("completion", "fish").assertSuccess();
            java.nio.file.Path manPage = script.getParent().getParent().getParent().resolve("man/man1/vaina-rename.1");
            Result man = vaina.exec(List.of("man", "-l", manPage.toString())).assertSuccess();
            assertTrue(man.stdout().contains("vaina-rename - Rename an existing container."), man::describe);
            vaina.run("completion", "tcsh").assertExitCode(125);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    private static List<String> errorLines(Result result) {
        return result.stderr().lines().filter(line -> line.startsWith("Error:")).toList();
    }

    private static Set<String> lines(String text) {
        return new TreeSet<>(Arrays.asList(text.strip().split("\n")));
    }
}
