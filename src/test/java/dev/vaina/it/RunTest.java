package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Foreground `run`: output, exit codes, and the options that shape the process. */
class RunTest {

    @EachMode
    void foregroundRun_printsOutputAndExitsWithTheContainersCode(VainaCli vaina) {
        String image = Images.busybox(vaina);
        Result ok = vaina.run("run", "--rm", image, "echo", "hello from vaina").assertSuccess();
        assertEquals("hello from vaina\n", ok.stdout());
        vaina.run("run", "--rm", image, "false").assertExitCode(1);
        vaina.run("run", "--rm", image, "sh", "-c", "exit 32").assertExitCode(32);
    }

    @EachMode
    void foregroundRun_keepsStdoutAndStderrApart(VainaCli vaina) {
        Result result = vaina.run("run", "--rm", Images.busybox(vaina), "sh", "-c", "echo out; echo err >&2")
                .assertSuccess();
        assertEquals("out\n", result.stdout());
        assertTrue(result.stderr().contains("err\n"), result::describe);
    }

    @EachMode
    void missingCommand_exits127_andLeavesNoContainer(VainaCli vaina) {
        Result result = vaina.run("run", "--name", "nocmd-" + vaina.mode(), Images.busybox(vaina), "/no/such/command");
        result.assertExitCode(127);
        assertTrue(result.stderr().contains("Error:"), result::describe);
        assertNoContainer(vaina, "nocmd-" + vaina.mode());
    }

    @EachMode
    void nonExecutableCommand_exits126(VainaCli vaina) {
        vaina.run("run", "--rm", Images.busybox(vaina), "/etc/passwd").assertExitCode(126);
    }

    @EachMode
    void badInput_exits125_andLeavesNothing(VainaCli vaina) {
        String image = Images.busybox(vaina);
        Result badName = vaina.run("run", "--name", "-bad", image, "true").assertExitCode(125);
        assertTrue(badName.stderr().contains("[a-zA-Z0-9][a-zA-Z0-9_.-]*"), badName::describe);
        String name = "bad-" + vaina.mode();
        Result badImage = vaina.run("run", "--pull=never", "--name", name, "localhost/nosuchimage", "true")
                .assertExitCode(125);
        assertTrue(badImage.stderr().contains("nosuchimage"), badImage::describe);
        assertNoContainer(vaina, name);
        Result badRestart = vaina.run("run", "--name", name, "--restart", "sometimes", image, "true").assertExitCode(125);
        assertTrue(badRestart.stderr().contains("restart policy"), badRestart::describe);
        assertNoContainer(vaina, name);
        vaina.run("run", "--name", name, "-v", "/tmp:relative", image, "true").assertExitCode(125);
        assertNoContainer(vaina, name);
    }

    @EachMode
    void envWorkdirUserHostnameAndEntrypoint_reachTheProcess(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        Path envFile = Files.createTempFile("vaina-env", ".env");
        Files.writeString(envFile, "# comment\nFROM_FILE=1\nBOTH=file\n");
        envFile.toFile().setReadable(true, false);
        Result env = vaina.run("run", "--rm", "-e", "GREETING=hi there", "--env-file", envFile.toString(),
                "-e", "BOTH=flag", image, "env").assertSuccess();
        assertTrue(env.stdout().contains("GREETING=hi there\n"), env::describe);
        assertTrue(env.stdout().contains("FROM_FILE=1\n"), env::describe);
        assertTrue(env.stdout().contains("BOTH=flag\n"), env::describe);
        assertEquals("/tmp\n", vaina.run("run", "--rm", "-w", "/tmp", image, "pwd").assertSuccess().stdout());
        assertEquals("1000:1000\n", vaina.run("run", "--rm", "--user", "app", image, "sh", "-c", "echo $(id -u):$(id -g)")
                .assertSuccess().stdout());
        assertEquals("box\n", vaina.run("run", "--rm", "--hostname", "box", image, "hostname").assertSuccess().stdout());
        assertEquals("via entrypoint\n", vaina.run("run", "--rm", "--entrypoint", "echo", image, "via", "entrypoint")
                .assertSuccess().stdout());
    }

    @EachMode
    void volume_bindsAHostDirectory_readOnlyWhenAsked(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        Path dir = Files.createTempDirectory("vaina-vol");
        Files.writeString(dir.resolve("note"), "from the host\n");
        vaina.exec(List.of("true"));
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        dir.resolve("note").toFile().setReadable(true, false);
        assertEquals("from the host\n", vaina.run("run", "--rm", "-v", dir + ":/data:ro", image, "cat", "/data/note")
                .assertSuccess().stdout());
        Result write = vaina.run("run", "--rm", "-v", dir + ":/data:ro", image, "sh", "-c", "echo x > /data/new");
        assertFalse(write.succeeded(), write::describe);
        assertFalse(Files.exists(dir.resolve("new")));
    }

    @EachMode
    void unreachableManager_failsClearly_andLeavesNoContainer(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String name = "nobus-" + vaina.mode();
        VainaCli noBus = vaina.with(vaina.vainaExecutable().getParent().getParent(),
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/vaina-test-bus"));
        Result run = noBus.run("run", "--rm", "--name", name, image, "true").assertExitCode(125);
        assertTrue(run.stderr().contains("cannot connect to the systemd user manager's bus at"
                + " unix:path=/nonexistent/vaina-test-bus"), run::describe);
        assertNoContainer(vaina, name);
    }

    static void assertNoContainer(VainaCli vaina, String name) {
        Result ps = vaina.run("ps", "-a", "--format", "json").assertSuccess();
        assertFalse(ps.stdout().contains("\"" + name + "\""), ps::describe);
        Result unit = vaina.systemctl("show", "-p", "LoadState", "--value", "container-" + name + ".service");
        assertTrue(unit.stdout().strip().equals("not-found"), unit::describe);
    }
}
