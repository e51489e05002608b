package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A container whose output goes to its unit's own (--log-driver passthrough) costs no resident vaina process: once
 * it runs, its monitor makes the container's init the unit's main process and exits. systemd then reaps the init,
 * and its unit's cleanup records the exit that systemd saw.
 */
class HandOverTest {

    @EachMode
    void passthroughContainer_isTheUnitsMainProcess_withNoVainaProcessLeft_andItsNetworkAndExecWork(VainaCli vaina)
            throws Exception {
        String image = Images.busybox(vaina);
        String name = "handed-" + vaina.mode();
        int port = NetworkTest.freePort();
        List<String> run = new ArrayList<>(List.of("run", "-d", "--name", name, "--log-driver", "passthrough",
                "-p", port + ":80"));
        if (vaina.mode() == Mode.ROOTLESS) {
            // The helper that runs on by itself; slirp4netns needs the monitor (its exit pipe).
            run.addAll(List.of("--network", "pasta"));
        }
        run.addAll(List.of(image, "httpd", "-f", "-p", "80", "-h", "/etc"));
        String id = vaina.run(run.toArray(String[]::new)).assertSuccess().stdout().strip();
        try {
            String unit = "container-" + name + ".service";
            String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", unit).assertSuccess().stdout().strip();
            String[] pids = vaina.run("inspect", "--format", "{{.State.Pid}} {{.State.ConmonPid}}", name)
                    .assertSuccess().stdout().strip().split(" ");
            assertEquals(pids[0], mainPid, "the unit's main process is not the container's init");
            assertEquals("0", pids[1], "a monitor is still named");
            // ps names the container's init too, as Podman's does, in its table and its JSON.
            assertEquals(mainPid, vaina.run("ps", "--filter", "name=^" + name + "$", "--format", "{{.Pid}}")
                    .assertSuccess().stdout().strip());
            assertTrue(vaina.run("ps", "--filter", "name=^" + name + "$", "--format", "json").assertSuccess().stdout()
                    .contains("\"Pid\": " + mainPid + ","), "ps --format json names another process");
            String monitorPid = Files.readString(Path.of("/proc", mainPid, "status")).lines()
                    .filter(l -> l.startsWith("PPid:")).findFirst().orElseThrow().replaceAll("[^0-9]", "");
            assertFalse(cmdline(monitorPid).contains(id), "the init's parent (pid " + monitorPid + ") is a monitor");
            String cgroup = vaina.systemctl("show", "-p", "ControlGroup", "--value", unit).assertSuccess().stdout().strip();
            for (String pid : processesUnder(cgroup)) {
                String exe = Files.readSymbolicLink(Path.of("/proc", pid, "exe")).toString();
                assertFalse(exe.contains("java"), "process " + pid + " (" + cmdline(pid) + ") of the unit is a JVM");
            }
            assertEquals(id.substring(0, 12) + "\n", NetworkTest.httpGet("127.0.0.1", port, "/hostname"));
            assertEquals(id.substring(0, 12) + "\n", vaina.run("exec", name, "cat", "/etc/hostname").assertSuccess().stdout());
            assertEquals("running\n", vaina.run("inspect", "--format", "{{.State.Status}}", name).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
        NetworkTest.assertNothingLeft(vaina, id, port);
    }

    @EachMode
    void exitCodes_areTheOnesSystemdSaw(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String exits = "exits-" + vaina.mode();
        String killed = "killed-" + vaina.mode();
        try {
            vaina.run("run", "-d", "--name", exits, "--log-driver", "passthrough", image, "sh", "-c", "sleep 1; exit 3")
                    .assertSuccess();
            assertEquals("3\n", vaina.run("wait", exits).assertSuccess().stdout());
            assertEquals("exited 3\n", vaina.run("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", exits)
                    .assertSuccess().stdout());
            // Killed by a signal: 128 + its number, as the monitor would have recorded it.
            vaina.run("run", "-d", "--name", killed, "--log-driver", "passthrough", image, "sleep", "1000").assertSuccess();
            vaina.run("kill", "--signal", "KILL", killed).assertSuccess();
            assertEquals("137\n", vaina.run("wait", killed).assertSuccess().stdout());
            // Started again, it is handed over again.
            vaina.run("start", exits).assertSuccess();
            assertEquals("3\n", vaina.run("wait", exits).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", exits, killed);
        }
    }

    @EachMode
    void stops_reachTheInitWithItsStopSignal_fromVainaAndFromSystemctl(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String byVaina = "stopped-" + vaina.mode();
        String bySystemd = "systemctl-stopped-" + vaina.mode();
        String kept = "monitor-stopped-" + vaina.mode();
        try {
            String stoppedId = vaina.run("run", "-d", "--name", byVaina, "--log-driver", "passthrough", image, "sh",
                    "-c", "trap 'exit 7' TERM; sleep 1000 & wait").assertSuccess().stdout().strip();
            vaina.run("stop", byVaina).assertSuccess();
            assertEquals("exited 7\n", vaina.run("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", byVaina)
                    .assertSuccess().stdout());
            // The stop cleaned up in place of the unit's ExecStopPost, which found the mark it left, named after the
            // unit's run as the hand-over record has it, and ended in the shell: a JVM there would have written the
            // exit systemd told it beside that record. No mark is left behind.
            Path runRoot = Path.of(vaina.run("info", "--format", "{{.Store.RunRoot}}").assertSuccess().stdout()
                    .strip());
            Path runDir = runRoot.resolve("containers").resolve(stoppedId);
            List<String> handOver = Files.readAllLines(runDir.resolve("handed-over"));
            assertEquals(2, handOver.size(), handOver::toString);
            assertTrue(handOver.get(1).matches("[0-9a-f]{32}"), "the unit's invocation id: " + handOver);
            assertFalse(Files.exists(runDir.resolve("exit")), "ExecStopPost's JVM recorded the exit in " + runDir);
            assertFalse(Files.exists(runRoot.resolve("cleaned").resolve(handOver.get(1))), "the mark is left");
            // systemd stops the unit with the container's stop signal, which only the init handles here.
            vaina.run("run", "-d", "--name", bySystemd, "--stop-signal", "USR1", "--log-driver", "passthrough", image,
                    "sh", "-c", "trap 'exit 6' USR1; sleep 1000 & wait").assertSuccess();
            vaina.systemctl("stop", "container-" + bySystemd + ".service").assertSuccess();
            assertEquals("exited 6\n", vaina.run("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}",
                    bySystemd).assertSuccess().stdout());
            // slirp4netns, whose exit pipe a process of the unit holds once the monitor has gone: the network
            // answers, and the stop ends it with the unit.
            int port = NetworkTest.freePort();
            String id = vaina.run("run", "-d", "--name", kept, "--network", "slirp4netns", "-p", port + ":80",
                    "--stop-signal", "USR1", "--log-driver", "passthrough", image, "sh", "-c",
                    "trap 'exit 6' USR1; httpd -f -p 80 -h /etc & wait").assertSuccess().stdout().strip();
            String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", "container-" + kept + ".service")
                    .assertSuccess().stdout().strip();
            assertEquals(mainPid + "\n", vaina.run("inspect", "--format", "{{.State.Pid}}", kept).assertSuccess()
                    .stdout(), "the container's init is not the unit's main process");
            assertEquals(id.substring(0, 12) + "\n", NetworkTest.httpGet("127.0.0.1", port, "/hostname"));
            vaina.systemctl("stop", "container-" + kept + ".service").assertSuccess();
            assertEquals("exited 6\n", vaina.run("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", kept)
                    .assertSuccess().stdout());
            NetworkTest.assertNothingLeft(vaina, id, port);
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", byVaina, bySystemd, kept);
        }
    }

    @EachMode
    void detachedRm_removesTheContainer_andOtherContainersKeepTheirMonitor(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String gone = "handed-rm-" + vaina.mode();
        String kept = "monitored-" + vaina.mode();
        try {
            vaina.run("run", "-d", "--rm", "--name", gone, "--log-driver", "passthrough", image, "sh", "-c", "sleep 1")
                    .assertSuccess();
            vaina.run("wait", "--ignore", gone).assertSuccess();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (vaina.run("container", "exists", gone).exitCode() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, vaina.run("container", "exists", gone).exitCode(), "the --rm container is still there");
            // A foreground run attaches: its monitor stays to tell it the end.
            vaina.run("run", "--rm", "--log-driver", "passthrough", image, "sh", "-c", "exit 5").assertExitCode(5);
            // The log file needs the monitor: the unit's main process is it.
            vaina.run("run", "-d", "--name", kept, image, "sleep", "1000").assertSuccess();
            String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", "container-" + kept + ".service")
                    .assertSuccess().stdout().strip();
            String[] pids = vaina.run("inspect", "--format", "{{.State.Pid}} {{.State.ConmonPid}}", kept)
                    .assertSuccess().stdout().strip().split(" ");
            assertEquals(pids[1], mainPid);
            assertNotEquals(pids[0], mainPid);
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", gone, kept);
        }
    }

    /** Quadlet's LogDriver=passthrough: the generated unit's main process is the container's, stopped with StopSignal=. */
    @EachMode
    void definitionFile_withLogDriverPassthrough_runsTheContainerAsTheUnitsMainProcess(VainaCli vaina) throws IOException {
        DefinitionFilesTest.installGenerator();
        String m = vaina.mode().label();
        String unit = "through-" + m;
        DefinitionFilesTest.write(vaina, unit + ".container", "[Container]\nImage=" + Images.busybox(vaina)
                + "\nContainerName=" + unit + "\nLogDriver=passthrough\nStopSignal=USR1\n"
                + "Exec=sh -c 'trap \"exit 6\" USR1; sleep 1000 & wait'\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", unit).assertSuccess();
            String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", unit).assertSuccess().stdout().strip();
            assertEquals(mainPid + "\n", vaina.run("inspect", "--format", "{{.State.Pid}}", unit).assertSuccess().stdout());
            vaina.systemctl("stop", unit).assertSuccess();
            // The init ended on the stop signal, with its own code; the unit's cleanup removed the container.
            assertEquals("6\n", vaina.systemctl("show", "-p", "ExecMainStatus", "--value", unit).assertSuccess().stdout());
            assertEquals(1, vaina.run("container", "exists", unit).exitCode());
        } finally {
            vaina.systemctl("stop", unit);
            DefinitionFilesTest.remove(vaina, unit + ".container");
            vaina.run("rm", "-f", "-t", "0", "--ignore", unit);
        }
    }

    private static String cmdline(String pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The processes in the unit's cgroup and below it, in the hierarchy systemd tracks units with. */
    private static List<String> processesUnder(String cgroup) throws IOException {
        Path root = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? Path.of("/sys/fs/cgroup")
                : Path.of("/sys/fs/cgroup/systemd");
        Path dir = Path.of(root + cgroup);
        assertTrue(Files.isDirectory(dir), "no cgroup directory " + dir);
        List<String> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.walk(dir).filter(p -> p.getFileName().toString().equals("cgroup.procs"))) {
            for (Path procsFile : procs.toList()) {
                pids.addAll(Files.readAllLines(procsFile).stream().filter(l -> !l.isBlank()).toList());
            }
        }
        assertFalse(pids.isEmpty(), "no process in " + dir);
        return pids;
    }
}
