package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.ImageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs generated configs with the real runc, as root and as a non-root user in a user namespace. */
class RuncRunTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String ROOTLESS_USER = "vainatest";

    @TempDir
    Path state;
    private BusyboxBundle bundle;

    @BeforeEach
    void createBundle() throws IOException {
        bundle = BusyboxBundle.create();
    }

    @AfterEach
    void removeBundle() throws IOException {
        bundle.close();
    }

    @Test
    void exitCode_isTheProcessExitCode() throws Exception {
        ProcessResult result = run(TestConfigs.command("sh", "-c", "exit 7"));
        assertEquals(7, result.exitCode(), result.describe());
    }

    @Test
    void numericUser_runsWithThoseIds() throws Exception {
        ProcessResult result = run(TestConfigs.command("id").user("1000:1000"));
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals("uid=1000 gid=1000", result.stdout().strip());
    }

    @Test
    void userName_isResolvedThroughTheImagePasswdAndGroup() throws Exception {
        bundle.writeEtc("passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1234:2345:app:/home/app:/bin/sh\n");
        bundle.writeEtc("group", "root:x:0:\napp:x:2345:\nextra:x:3456:other,app\n");
        ProcessResult result = run(TestConfigs.command("id").user("app"));
        assertEquals(0, result.exitCode(), result.describe());
        // busybox's id lists only the supplementary groups after "groups=".
        assertEquals("uid=1234(app) gid=2345(app) groups=3456(extra)", result.stdout().strip());
    }

    @Test
    void nonRootUser_hasNoEffectiveCapabilities() throws Exception {
        ProcessResult result = run(TestConfigs.command("grep", "-E", "^Cap(Eff|Prm|Bnd)", "/proc/self/status").user("1000"));
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.stdout().contains("CapEff:\t0000000000000000"), result.describe());
        assertTrue(result.stdout().contains("CapPrm:\t0000000000000000"), result.describe());
        assertTrue(result.stdout().contains("CapBnd:\t00000000800405fb"), result.describe());
    }

    @Test
    void readOnlyVolume_cannotBeWritten(@TempDir Path volume) throws Exception {
        Files.writeString(volume.resolve("file"), "from the host\n");
        ProcessResult result = run(TestConfigs.command("sh", "-c",
                "cat /data/file; touch /data/new && echo WRITABLE; exit 0").volumes(volume + ":/data:ro"));
        assertEquals(0, result.exitCode(), result.describe());
        // stdout and stderr are two pipes: each is checked alone, never their order
        assertEquals("from the host\n", result.stdout(), result.describe());
        assertTrue(result.stderr().contains("Read-only file system"), result.describe());
        assertTrue(Files.notExists(volume.resolve("new")), result.describe());
    }

    @Test
    void environmentAndWorkingDir_reachTheProcess() throws Exception {
        ImageConfig image = new ImageConfig(List.of("FROM_IMAGE=image", "FOO=image"), null, null, "/etc", null, null);
        ProcessResult result = run(TestConfigs.command("sh", "-c", "echo $FOO $FROM_IMAGE $container; pwd; echo $HOSTNAME")
                .env("FOO", "user").workingDir("/tmp").hostname("box"), image);
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals("user image vaina\n/tmp\nbox\n", result.stdout(), result.describe());
    }

    @Test
    void maskedProcFiles_readAsEmptyAndSeccompIsOn() throws Exception {
        // This test kernel has no /proc/kcore; every masked file the host does have is checked.
        List<String> present = new ArrayList<>();
        for (String path : List.of("/proc/kcore", "/proc/timer_list", "/proc/interrupts", "/proc/keys")) {
            if (Files.exists(Path.of(path)) && Files.size(Path.of(path)) == 0
                    && !Files.readString(Path.of(path)).isEmpty()) {
                present.add(path);
            }
        }
        assertTrue(present.size() >= 2, "host has too few of the masked /proc files: " + present);
        StringBuilder script = new StringBuilder();
        for (String path : present) {
            script.append("echo ").append(path).append(" $(cat ").append(path).append(" | wc -c); ");
        }
        script.append("grep ^Seccomp: /proc/self/status");
        ProcessResult result = run(TestConfigs.command("sh", "-c", script.toString()));
        assertEquals(0, result.exitCode(), result.describe());
        StringBuilder expected = new StringBuilder();
        present.forEach(path -> expected.append(path).append(" 0\n"));
        assertEquals(expected + "Seccomp:\t2\n", result.stdout(), result.describe());
    }

    @Test
    void crunOnThisHost_agreesWithTheProbe() throws Exception {
        String id = nextId();
        RuntimeSpecBuilder.forContainer(id, TestConfigs.command("echo", "crun-ran").build(), ImageConfig.EMPTY)
                .rootfs(bundle.rootfs).writeTo(bundle.dir);
        ProcessResult result = ProcessResult.run(bundle.dir, List.of("crun", "--root", state.toString(), "run",
                "--bundle", bundle.dir.toString(), id));
        if (CgroupLayout.detect().crunSupported()) {
            assertEquals("crun-ran\n", result.stdout(), result.describe());
        } else {
            assertTrue(result.exitCode() != 0 && result.stderr().contains("cgroups in hybrid mode not supported"),
                    result.describe());
        }
    }

    @Test
    void rootless_runsInsideAUserNamespaceMadeByUnshare() throws Exception {
        Path data = Files.createDirectories(bundle.dir.resolve("data"));
        Path hostname = Files.writeString(bundle.dir.resolve("hostname"), "from-the-launcher\n");
        String script = "id; cat /proc/self/uid_map; touch /data/x 2>/dev/null || echo data-ro; cat /etc/hostname; "
                + "grep ^Seccomp: /proc/self/status; ls /sys/fs/cgroup >/dev/null && echo sys-ok";
        RuntimeSpecBuilder builder = RuntimeSpecBuilder.forContainer(nextId(),
                        TestConfigs.command("sh", "-c", script).volumes(data + ":/data:ro").build(), ImageConfig.EMPTY)
                .rootfs(bundle.rootfs).rootless(true)
                .extraMounts(List.of(new BindMount(hostname, "/etc/hostname", true)));
        ProcessResult result = runRootless(builder);
        assertEquals(0, result.exitCode(), result.describe());
        String[] lines = result.stdout().split("\n");
        assertEquals("uid=0 gid=0", lines[0], result.describe());
        assertTrue(lines[1].trim().matches("0\\s+" + uidOf(ROOTLESS_USER) + "\\s+1"),
                "container root is " + ROOTLESS_USER + ": " + result.describe());
        assertEquals(List.of("data-ro", "from-the-launcher", "Seccomp:\t2", "sys-ok"),
                List.of(lines).subList(lines.length - 4, lines.length), result.describe());
    }

    /** Without its own network namespace, sysfs cannot be mounted in a user namespace: /sys is bound instead. */
    @Test
    void rootless_sharingTheNetworkNamespace_bindsTheHostSys() throws Exception {
        RuntimeSpecBuilder builder = RuntimeSpecBuilder.forContainer(nextId(),
                        TestConfigs.command("sh", "-c", "id -u; ls /sys/kernel >/dev/null && echo sys-ok").build(),
                        ImageConfig.EMPTY)
                .rootfs(bundle.rootfs).rootless(true).newNetworkNamespace(false);
        ProcessResult result = runRootless(builder);
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals("0\nsys-ok\n", result.stdout(), result.describe());
    }

    private ProcessResult runRootless(RuntimeSpecBuilder builder) throws Exception {
        Path runcRoot = Files.createTempDirectory(Path.of("/tmp"), "vaina-oci-runc-");
        try {
            builder.writeTo(bundle.dir);
            chown(bundle.dir);
            chown(runcRoot);
            return ProcessResult.run(bundle.dir, List.of("runuser", "-u", ROOTLESS_USER, "--",
                    "unshare", "--user", "--map-users=auto", "--map-groups=auto", "--map-root-user",
                    "--mount", "--propagation", "private",
                    "runc", "--root", runcRoot.toString(), "run", "--bundle", bundle.dir.toString(), "rootless-" + nextId()));
        } finally {
            ProcessResult.run(Path.of("/"), List.of("rm", "-rf", runcRoot.toString()));
        }
    }

    private static int uidOf(String user) throws Exception {
        return Integer.parseInt(ProcessResult.run(Path.of("/"), List.of("id", "-u", user)).stdout().strip());
    }

    private ProcessResult run(TestConfigs configs) throws Exception {
        return run(configs, ImageConfig.EMPTY);
    }

    private ProcessResult run(TestConfigs configs, ImageConfig image) throws Exception {
        String id = nextId();
        RuntimeSpecBuilder.forContainer(id, configs.build(), image)
                .rootfs(bundle.rootfs).rootfsFiles(RootfsFiles.under(bundle.rootfs)).rootless(false)
                .writeTo(bundle.dir);
        List<String> command = new ArrayList<>(List.of("runc", "--root", state.toString(), "run", "--bundle",
                bundle.dir.toString(), id));
        return ProcessResult.run(bundle.dir, command);
    }

    private static String nextId() {
        return "vainaocitest" + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
    }

    private static void chown(Path dir) throws Exception {
        ProcessResult result = ProcessResult.run(Path.of("/"), List.of("chown", "-R", ROOTLESS_USER + ":", dir.toString()));
        assertEquals(0, result.exitCode(), result.describe());
    }
}
