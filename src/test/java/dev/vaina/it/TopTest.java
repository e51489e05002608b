package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Engines;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ReferencePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** `top`: the container's processes with Podman's columns. */
class TopTest {
    private static final String DEFAULT_HEADER =
            "^USER {8}PID {9}PPID {8}%CPU {8}ELAPSED +TTY {9}TIME {8}COMMAND$";

    @EachMode
    void defaultColumns_listTheContainersProcesses_asTheContainerSeesThem(VainaCli vaina) {
        String name = ExecTest.running(vaina, "top-" + vaina.mode());
        try {
            vaina.run("exec", "-d", "-u", "app", name, "sleep", "999").assertSuccess();
            Result top = vaina.run("top", name).assertSuccess();
            List<String> lines = top.stdout().lines().toList();
            assertTrue(lines.get(0).matches(DEFAULT_HEADER), top::describe);
            assertTrue(lines.get(1).matches("^root {8}1 {11}0 {11}\\d+\\.\\d{3} +[0-9.hmsµ]+ +\\? +[0-9.hmsµ]+ +sleep 1000$"),
                    top::describe);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("app ") && l.endsWith(" sleep 999")), top::describe);
            assertEquals(3, lines.size(), top::describe);

            Result chosen = vaina.run("top", name, "pid,comm", "user").assertSuccess();
            assertEquals("PID         COMMAND     USER", chosen.stdout().lines().findFirst().orElse(""), chosen::describe);
            assertTrue(chosen.stdout().contains("\n1           sleep       root\n"), chosen::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void badDescriptorOrStoppedContainer_isRefused(VainaCli vaina) {
        String name = "top-created-" + vaina.mode();
        vaina.run("create", "--name", name, Images.busybox(vaina), "sleep", "1").assertSuccess();
        try {
            Result stopped = vaina.run("top", name).assertExitCode(125);
            assertEquals("Error: top can only be used on running containers\n", stopped.stderr());
            Result bad = vaina.run("top", name, "pid", "bogus").assertExitCode(125);
            assertTrue(bad.stderr().contains("unknown descriptor: bogus (known: user, group, pid"), bad::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    /** The same kind of container under Podman: the same header and row layout. */
    @Test
    @Tag(Engines.ROOTFUL_ONLY)
    void layout_isPodmans() throws Exception {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        String name = ExecTest.running(vaina, "top-podman");
        try (ReferencePodman podman = ReferencePodman.start()) {
            podman.run("import", TestImages.busyboxTarball().toString(), "localhost/busybox");
            podman.run("run", "-d", "--name", "ref", "localhost/busybox", "sleep", "1000");
            List<String> ours = vaina.run("top", name).assertSuccess().stdout().lines().toList();
            List<String> theirs = podman.run("top", "ref").stdout().lines().toList();
            assertEquals(columnStarts(theirs.get(0)).subList(0, 5), columnStarts(ours.get(0)).subList(0, 5),
                    "USER PID PPID %CPU ELAPSED start where Podman's do:\n" + theirs + "\n" + ours);
            assertEquals(List.of(theirs.get(0).split(" +")), List.of(ours.get(0).split(" +")));
            assertEquals(List.of(theirs.get(1).strip().split(" +")).subList(0, 3),
                    List.of(ours.get(1).strip().split(" +")).subList(0, 3));
            assertEquals(theirs.get(1).strip().replaceAll(".* ", ""), ours.get(1).strip().replaceAll(".* ", ""));
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    private static List<Integer> columnStarts(String line) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && (i == 0 || line.charAt(i - 1) == ' ')) {
                starts.add(i);
            }
        }
        return starts;
    }
}
