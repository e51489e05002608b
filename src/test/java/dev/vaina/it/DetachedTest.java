package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Detached containers as systemd units: start, inspect, stop, kill, remove, repair. */
class DetachedTest {

    @EachMode
    void detachedRun_isASystemdUnitWithTheMonitorAsMainPid(VainaCli vaina) throws Exception {
        String name = "web-" + vaina.mode();
        Result run = vaina.run("run", "-d", "--name", name, Images.busybox(vaina), "sleep", "1000").assertSuccess();
        String id = run.stdout().strip();
        assertTrue(id.matches("[0-9a-f]{64}"), run::describe);
        try {
            String unit = "container-" + name + ".service";
            assertEquals("active", vaina.systemctl("show", "-p", "ActiveState", "--value", unit).stdout().strip());
            String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", unit).stdout().strip();
            String cmdline = Files.readString(Path.of("/proc", mainPid, "cmdline")).replace('\0', ' ');
            assertTrue(cmdline.contains("dev.vaina.monitor.Monitor") && cmdline.contains(id), cmdline);

            Result inspect = vaina.run("inspect", name).assertSuccess();
            assertTrue(inspect.stdout().contains("\n               \"Status\": \"running\",\n"), inspect::describe);
            assertTrue(inspect.stdout().contains("\n          \"SystemdUnit\": \"" + unit + "\",\n"), inspect::describe);
            String pid = field(inspect.stdout(), "Pid");
            assertNotEquals("0", pid);
            String cgroup = Files.readString(Path.of("/proc", pid, "cgroup"));
            assertTrue(cgroup.contains(unit), "the container's processes belong to the unit's cgroup: " + cgroup);

            Result ps = vaina.run("ps").assertSuccess();
            assertTrue(ps.stdout().startsWith("CONTAINER ID  IMAGE"), ps::describe);
            assertTrue(ps.stdout().contains(id.substring(0, 12)) && ps.stdout().contains(" Up "), ps::describe);
            assertTrue(ps.stdout().contains(name), ps::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
        RunTest.assertNoContainer(vaina, name);
    }

    @EachMode
    void detachedRm_removesTheContainerAndItsUnit_evenAfterAFailure(VainaCli vaina) throws InterruptedException {
        String name = "gone-" + vaina.mode();
        vaina.run("run", "-d", "--rm", "--name", name, Images.busybox(vaina), "sh", "-c", "sleep 0.5; exit 3")
                .assertSuccess();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (vaina.run("ps", "-a", "-q", "--filter", "name=^" + name + "$").assertSuccess().stdout().length() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        while (!vaina.systemctl("show", "-p", "LoadState", "--value", "container-" + name + ".service").stdout()
                .strip().equals("not-found") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        RunTest.assertNoContainer(vaina, name);
    }

    @EachMode
    void systemctlStop_stopsCleanly_andPsShowsTheExitCode(VainaCli vaina) {
        String name = "trap-" + vaina.mode();
        vaina.run("run", "-d", "--name", name, Images.busybox(vaina), "sh", "-c",
                "trap 'exit 3' TERM; while true; do sleep 0.1; done").assertSuccess();
        try {
            vaina.systemctl("stop", "container-" + name + ".service").assertSuccess();
            Result ps = vaina.run("ps", "-a", "--filter", "name=^" + name + "$").assertSuccess();
            assertTrue(ps.stdout().contains("Exited (3)"), ps::describe);
            assertEquals("3\n", vaina.run("wait", name).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void stop_escalatesToSigkillAfterTheTimeout(VainaCli vaina) {
        String name = "stubborn-" + vaina.mode();
        // PID 1 ignores SIGTERM unless it handles it, so only SIGKILL ends this one.
        vaina.run("run", "-d", "--name", name, Images.busybox(vaina), "sleep", "1000").assertSuccess();
        try {
            vaina.run("stop", "-t", "1", name).assertSuccess();
            Result inspect = vaina.run("inspect", name).assertSuccess();
            assertEquals("137", field(inspect.stdout(), "ExitCode"), inspect::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void createStartWaitLogs_restartAndRm(VainaCli vaina) {
        String name = "job-" + vaina.mode();
        String id = vaina.run("create", "--name", name, Images.busybox(vaina), "sh", "-c", "echo line1; echo line2; exit 4")
                .assertSuccess().stdout().strip();
        try {
            Result created = vaina.run("ps", "-a", "--filter", "name=" + name).assertSuccess();
            assertTrue(created.stdout().contains("Created"), created::describe);
            vaina.run("start", name).assertSuccess();
            assertEquals("4\n", vaina.run("wait", name).assertSuccess().stdout());
            assertEquals("line1\nline2\n", vaina.run("logs", name).assertSuccess().stdout());
            assertEquals("line2\n", vaina.run("logs", "--tail", "1", name).assertSuccess().stdout());
            vaina.run("restart", name).assertSuccess();
            vaina.run("wait", id.substring(0, 10)).assertSuccess();
            assertEquals("line1\nline2\nline1\nline2\n", vaina.run("logs", name).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
    }

    @EachMode
    void kill_sendsTheSignal_andRmOfARunningContainerNeedsForce(VainaCli vaina) {
        String name = "victim-" + vaina.mode();
        vaina.run("run", "-d", "--name", name, Images.busybox(vaina), "sh", "-c",
                "trap 'exit 10' USR1; while true; do sleep 0.1; done").assertSuccess();
        try {
            Result refused = vaina.run("rm", name).assertExitCode(2);
            assertTrue(refused.stderr().contains("running"), refused::describe);
            vaina.run("kill", "-s", "USR1", name).assertSuccess();
            assertEquals("10\n", vaina.run("wait", name).assertSuccess().stdout());
            Result again = vaina.run("kill", name).assertExitCode(125);
            assertTrue(again.stderr().contains("can only kill running containers"), again::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
    }

    @EachMode
    void duplicateAndUnknownNames_failClearly(VainaCli vaina) {
        String name = "dup-" + vaina.mode();
        vaina.run("create", "--name", name, Images.busybox(vaina), "true").assertSuccess();
        try {
            Result dup = vaina.run("create", "--name", name, Images.busybox(vaina), "true").assertExitCode(125);
            assertTrue(dup.stderr().contains("\"" + name + "\" is already in use"), dup::describe);
        } finally {
            vaina.run("rm", name).assertSuccess();
        }
        Result inspect = vaina.run("inspect", "nosuch-" + vaina.mode()).assertExitCode(125);
        assertTrue(inspect.stderr().contains("no such object: \"nosuch-" + vaina.mode() + "\""), inspect::describe);
        for (String verb : List.of("rm", "stop", "start", "kill", "logs", "wait")) {
            Result unknown = vaina.run(verb, "nosuch-" + vaina.mode());
            // Podman's rm exits with 1 for a container that does not exist; the other verbs with 125.
            assertEquals(verb.equals("rm") ? 1 : 125, unknown.exitCode(), unknown::describe);
            assertTrue(unknown.stderr().contains("no container with name or ID \"nosuch-" + vaina.mode() + "\" found"),
                    unknown::describe);
        }
    }

    @EachMode
    void killedMonitor_isNoticedAndRepaired(VainaCli vaina) throws Exception {
        String name = "orphan-" + vaina.mode();
        vaina.run("run", "-d", "--name", name, Images.busybox(vaina), "sleep", "1000").assertSuccess();
        try {
            String unit = "container-" + name + ".service";
            String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", unit).stdout().strip();
            new ProcessBuilder("kill", "-KILL", mainPid).inheritIO().start().waitFor();
            Result ps = awaitStatus(vaina, name, "Exited");
            assertTrue(ps.stdout().contains("Exited (137)"), ps::describe);
            assertTrue(!Files.readString(Path.of("/proc/mounts")).contains(idOf(vaina, name)), "nothing left mounted");
            vaina.run("start", name).assertSuccess();
            vaina.run("stop", "-t", "0", name).assertSuccess();
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
    }

    @EachMode
    void exitedContainer_isCleanedUpByItsMonitor_andExecStopPostEndsInTheShell(VainaCli vaina) throws Exception {
        String name = "selfclean-" + vaina.mode();
        Path runRoot = Path.of(vaina.run("info", "--format", "{{.Store.RunRoot}}").assertSuccess().stdout().strip());
        Path marks = runRoot.resolve("cleaned");
        vaina.run("run", "-d", "--name", name, Images.busybox(vaina), "sh", "-c", "exit 4").assertSuccess();
        try {
            String id = idOf(vaina, name);
            String unit = "container-" + name + ".service";
            // The container's exit fails the unit; ExecStopPost has run once the unit is failed (on a loaded
            // machine that takes a while).
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String state;
            while (!(state = vaina.systemctl("show", "-p", "ActiveState", "--value", unit).stdout().strip())
                    .equals("failed") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals("failed", state, "the unit's state after its container exited with 4");
            Result ps = awaitStatus(vaina, name, "Exited");
            assertTrue(ps.stdout().contains("Exited (4)"), ps::describe);
            // The monitor makes this folder for its mark, named after the unit's run; the launcher's wrapper
            // removes the mark, a JVM cleanup would not.
            assertTrue(Files.isDirectory(marks), "the monitor cleaned up and left its mark under " + marks);
            String invocation = vaina.systemctl("show", "-p", "InvocationID", "--value", unit).assertSuccess().stdout()
                    .strip();
            assertTrue(invocation.matches("[0-9a-f]{32}"), "the unit's InvocationID: " + invocation);
            assertFalse(Files.exists(marks.resolve(invocation)), "ExecStopPost found the mark and took it away");
            assertTrue(!Files.readString(Path.of("/proc/mounts")).contains(id), "nothing left mounted");
            assertTrue(!Files.exists(runRoot.resolve("netns").resolve(id)), "the network namespace's file is gone");
            assertTrue(!Files.exists(runRoot.resolve("containers").resolve(id).resolve("bundle")), "the bundle is gone");
            vaina.run("start", name).assertSuccess();
            assertEquals("4\n", vaina.run("wait", name).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
    }

    @EachMode
    void restartPolicyOnFailure_isCarriedOutBySystemd(VainaCli vaina) throws Exception {
        String name = "flaky-" + vaina.mode();
        vaina.run("run", "-d", "--name", name, "--restart", "on-failure:2", Images.busybox(vaina), "sh", "-c",
                "sleep 0.3; echo attempt; exit 1").assertSuccess();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String log = "";
            while (System.nanoTime() < deadline) {
                log = vaina.run("logs", name).assertSuccess().stdout();
                if (log.equals("attempt\nattempt\nattempt\n")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals("attempt\nattempt\nattempt\n", log, "one run and two restarts");
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
    }

    private static Result awaitStatus(VainaCli vaina, String name, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Result ps;
        do {
            ps = vaina.run("ps", "-a", "--filter", "name=^" + name + "$").assertSuccess();
            if (ps.stdout().contains(status)) {
                return ps;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return ps;
    }

    private static String idOf(VainaCli vaina, String name) {
        return vaina.run("ps", "-a", "-q", "--no-trunc", "--filter", "name=^" + name + "$").assertSuccess().stdout().strip();
    }

    /** The first value of a JSON field in inspect output. */
    static String field(String json, String key) {
        int at = json.indexOf("\"" + key + "\": ");
        if (at < 0) {
            return "";
        }
        String rest = json.substring(at + key.length() + 4);
        int end = 0;
        while (end < rest.length() && ",\n}".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return rest.substring(0, end).replace("\"", "").strip();
    }
}
