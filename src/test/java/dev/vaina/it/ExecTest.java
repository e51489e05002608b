package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Interactive;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** `exec`: commands in running containers, through the runtime, with Podman's exit codes and messages. */
class ExecTest {

    /** A running container for one test; removed by the caller in a finally block. */
    static String running(VainaCli vaina, String name, String... runOptions) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "-d", "--name", name));
        args.addAll(java.util.List.of(runOptions));
        args.addAll(java.util.List.of(Images.busybox(vaina), "sleep", "1000"));
        vaina.run(args.toArray(String[]::new)).assertSuccess();
        return name;
    }

    @EachMode
    void exitCodes_areTheCommandsOwn_126And127AsRunGivesThem(VainaCli vaina) {
        String name = running(vaina, "exec-codes-" + vaina.mode());
        try {
            vaina.run("exec", name, "true").assertSuccess();
            Result three = vaina.run("exec", name, "sh", "-c", "echo out; echo err >&2; exit 3").assertExitCode(3);
            assertEquals("out\n", three.stdout(), three::describe);
            assertEquals("err\n", three.stderr(), "the command's stderr only, nothing of the runtime's: " + three.describe());

            Result notFound = vaina.run("exec", name, "nosuchcommand").assertExitCode(127);
            assertTrue(notFound.stderr().startsWith("Error: runc: exec failed: unable to start container process: "
                    + "exec: \"nosuchcommand\": executable file not found in $PATH: OCI runtime attempted to invoke "
                    + "a command that was not found"), notFound::describe);
            assertEquals("", notFound.stdout());

            Result notExecutable = vaina.run("exec", name, "/etc").assertExitCode(126);
            assertTrue(notExecutable.stderr().contains("permission denied: OCI permission denied"), notExecutable::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void intoAContainerThatDoesNotRun_failsWithPodmansMessage(VainaCli vaina) {
        String name = "exec-created-" + vaina.mode();
        vaina.run("create", "--name", name, Images.busybox(vaina), "sleep", "1000").assertSuccess();
        try {
            Result refused = vaina.run("exec", name, "true").assertExitCode(125);
            assertEquals("Error: can only create exec sessions on running containers: container state improper\n",
                    refused.stderr());
            Result unknown = vaina.run("exec", "exec-nosuch-" + vaina.mode(), "true").assertExitCode(125);
            assertTrue(unknown.stderr().contains("no container with name or ID"), unknown::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void envUserAndWorkdir_areHonoured_onTopOfTheContainersOwnSettings(VainaCli vaina) throws IOException {
        String name = running(vaina, "exec-opts-" + vaina.mode(), "-e", "FROM_RUN=kept", "-e", "REPLACED=old");
        Path envFile = Files.createTempFile("exec-env", ".txt");
        try {
            Files.writeString(envFile, "FROM_FILE=yes\n");
            envFile.toFile().setReadable(true, false);
            Result result = vaina.run("exec", "-e", "REPLACED=new", "--env-file", envFile.toString(), "-u", "app",
                    "-w", "/tmp", name, "sh", "-c", "echo $FROM_RUN $REPLACED $FROM_FILE; id -u; id -g; pwd").assertSuccess();
            assertEquals("kept new yes\n1000\n1000\n/tmp\n", result.stdout(), result::describe);

            assertEquals("0\n/\n", vaina.run("exec", name, "sh", "-c", "id -u; pwd").assertSuccess().stdout(),
                    "without options, the container's own user and working directory");
            Result numeric = vaina.run("exec", "-u", "1234:5678", name, "sh", "-c", "id -u; id -g").assertSuccess();
            assertEquals("1234\n5678\n", numeric.stdout());
            String capabilities = "grep CapEff /proc/self/status";
            String usual = vaina.run("exec", name, "sh", "-c", capabilities).assertSuccess().stdout();
            String privileged = vaina.run("exec", "--privileged", name, "sh", "-c", capabilities).assertSuccess().stdout();
            assertTrue(Long.bitCount(Long.parseLong(privileged.strip().split("\\s+")[1], 16))
                    > Long.bitCount(Long.parseLong(usual.strip().split("\\s+")[1], 16)), usual + privileged);
            Result unknownUser = vaina.run("exec", "-u", "nosuchuser", name, "true").assertExitCode(125);
            assertTrue(unknownUser.stderr().contains("unable to find user nosuchuser: no matching entries in passwd file"),
                    unknownUser::describe);
        } finally {
            Files.deleteIfExists(envFile);
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void stdin_reachesTheCommandOnlyWithInteractive(VainaCli vaina) {
        String name = running(vaina, "exec-stdin-" + vaina.mode());
        try {
            assertEquals("hello\n", vaina.runWithInput("hello\n", "exec", "-i", name, "cat").assertSuccess().stdout());
            assertEquals("", vaina.runWithInput("hello\n", "exec", name, "cat").assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void interactiveTerminal_isAWorkingShell(VainaCli vaina) {
        String name = running(vaina, "exec-it-" + vaina.mode());
        // The terminal is 33 rows by 111 columns before exec starts: the container's terminal gets that size.
        String command = "stty rows 33 cols 111; exec " + vaina.vainaExecutable() + " exec -it " + name + " sh";
        try (Interactive shell = vaina.startInteractiveCommand(java.util.List.of("sh", "-c", command))) {
            shell.send("echo $((6*7))\n");
            shell.expect("42", Duration.ofSeconds(20));
            shell.send("stty size\n");
            shell.expect("33 111", Duration.ofSeconds(10));
            shell.send("tty; echo TERM=$TERM\n");
            shell.expect("/dev/pts/", Duration.ofSeconds(10));
            shell.expect("TERM=xterm", Duration.ofSeconds(10));
            shell.send("exit 4\n");
            assertEquals(4, shell.waitFor(Duration.ofSeconds(20)), shell::output);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void detached_isSupervisedByAUnit_andEndsWithTheContainer(VainaCli vaina) throws Exception {
        String name = running(vaina, "exec-d-" + vaina.mode());
        String hostPid;
        try {
            Result missing = vaina.run("exec", "-d", name, "nosuchcommand").assertExitCode(127);
            assertTrue(missing.stderr().contains("executable file not found"), missing::describe);
            Result detached = vaina.run("exec", "-d", name, "sleep", "4242").assertSuccess();
            assertTrue(detached.stdout().strip().matches("[0-9a-f]{64}"), detached::describe);
            Result top = vaina.run("top", name, "hpid", "args").assertSuccess();
            hostPid = top.stdout().lines().filter(l -> l.contains("sleep 4242")).map(l -> l.trim().split("\\s+")[0])
                    .findFirst().orElseThrow(() -> new AssertionError("exec -d's command is not in the container: "
                            + top.describe()));
            String cgroup = Files.readString(Path.of("/proc", hostPid, "cgroup"));
            assertTrue(cgroup.contains(".service"), "a unit's cgroup holds the command: " + cgroup);
            assertFalse(Files.readString(Path.of("/proc", hostPid, "status")).contains("PPid:\t1\n"),
                    "not an orphan of the host's init");
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Files.exists(Path.of("/proc", hostPid)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(Path.of("/proc", hostPid)), "the exec'd command ended with its container");
        Result units = vaina.systemctl("list-units", "--all", "--plain", "--no-legend", "vaina-exec-*");
        assertEquals("", units.stdout().strip(), units::describe);
    }
}
