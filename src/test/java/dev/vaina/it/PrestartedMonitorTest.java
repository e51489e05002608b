package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.Engines;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Root's launcher wrapper starts a container's monitor together with the launcher (dev.vaina.launch.MonitorStart):
 * the launcher adopts it, or, when it was started before the network namespaces' directory was shared (a store's
 * first start on a network since boot), starts another in its place; a failed start leaves neither behind.
 */
@Tag(Engines.ROOTFUL_ONLY)
class PrestartedMonitorTest {
    private static final String ADOPTED = "--launcher-socket";
    private static final String SPAWNED = "--options-from";

    @Test
    void firstBridgedStartReplacesTheMonitorStartedBeside_otherStartsAdoptIt_withTheHeldPorts() throws Exception {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        // A store of its own: its network namespaces' directory is not shared yet, as after a boot.
        Path dir = Files.createTempDirectory("vaina-prestart.");
        List<String> store = List.of("--root", dir.resolve("data").toString(), "--runroot", dir.resolve("run").toString());
        int port = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
        String suffix = Integer.toString(port);
        String isolatedName = "prestart-none-" + suffix;
        String firstName = "prestart-first-" + suffix;
        String secondName = "prestart-second-" + suffix;
        try {
            vaina.run(store, "import", TestImages.busyboxTarball().toString(), Images.BUSYBOX).assertSuccess();
            // No network namespace of its own: nothing is bound in the directory (which does not exist yet).
            String isolated = vaina.run(store, "run", "-d", "--network", "none", "--name", isolatedName, Images.BUSYBOX,
                    "sleep", "1000").assertSuccess().stdout().strip();
            assertTrue(monitorOf(vaina, isolatedName).contains(ADOPTED + " "), "a container without a network adopts "
                    + "the monitor started beside its launcher: " + monitorOf(vaina, isolatedName));
            assertTrue(monitorOf(vaina, isolatedName).contains(isolated), monitorOf(vaina, isolatedName));
            String first = vaina.run(store, "run", "-d", "--name", firstName, Images.BUSYBOX, "sleep", "1000")
                    .assertSuccess().stdout().strip();
            assertTrue(monitorOf(vaina, firstName).contains(SPAWNED), "the first bridged start's monitor is one"
                    + " started anew: " + monitorOf(vaina, firstName));
            awaitNoMonitorBeside(first);

            String second = vaina.run(store, "run", "-d", "--name", secondName, "-p", port + ":80", Images.BUSYBOX,
                    "sleep", "1000").assertSuccess().stdout().strip();
            String monitor = monitorOf(vaina, secondName);
            assertTrue(monitor.contains(ADOPTED) && monitor.contains(second), "the second start's monitor is the one "
                    + "its wrapper started: " + monitor);
            // The launcher has exited: the port is held by the monitor, which got its socket with the options.
            assertThrows(BindException.class, () -> {
                try (ServerSocket taken = new ServerSocket()) {
                    taken.bind(new InetSocketAddress("0.0.0.0", port));
                }
            }, "host port " + port + " is held while the container runs");
            for (String name : List.of(isolatedName, firstName, secondName)) {
                assertEquals("running", vaina.run(store, "inspect", "--format", "{{.State.Status}}", name)
                        .assertSuccess().stdout().strip());
            }
            // The namespace was bound after the adopted monitor's mount namespace was made: it reached it.
            String address = vaina.run(store, "inspect", "--format", "{{.NetworkSettings.IPAddress}}", secondName)
                    .assertSuccess().stdout().strip();
            Result eth0 = vaina.run(store, "exec", secondName, "ip", "-4", "-o", "addr", "show", "eth0").assertSuccess();
            assertTrue(address.startsWith("10.87.") && eth0.stdout().contains(" " + address + "/"), eth0::describe);
            try (Stream<Path> left = Files.list(dir.resolve("run/launch"))) {
                assertEquals(List.of(), left.toList(), "no launcher socket is left");
            }
        } finally {
            vaina.run(store, "rm", "-f", "-t", "0", isolatedName, firstName, secondName);
            vaina.exec(List.of("sh", "-c", "umount \"$1/run/netns\" 2>/dev/null; rm -rf \"$1\"", "sh", dir.toString()));
        }
    }

    @Test
    void failedStart_leavesNoMonitorBehind() throws Exception {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        String name = "prestart-fails";
        Result run = vaina.run("run", "-d", "--name", name, "-w", "/no/such/dir", Images.busybox(vaina), "sleep",
                "1000");
        try {
            assertEquals(126, run.exitCode(), run::describe);
            Matcher id = Pattern.compile("[0-9a-f]{64}").matcher(run.stderr());
            assertTrue(id.find(), run::describe);
            awaitNoMonitorBeside(id.group());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    /** The command line of the named container's monitor, the unit's main process. */
    private static String monitorOf(VainaCli vaina, String name) throws IOException {
        String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", "container-" + name + ".service")
                .assertSuccess().stdout().strip();
        return Files.readString(Path.of("/proc", mainPid, "cmdline")).replace('\0', ' ');
    }

    /** No monitor started beside a launcher for container {@code id} is left waiting: it exits or is killed. */
    private static void awaitNoMonitorBeside(String id) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> waiting;
        while (!(waiting = monitorsBeside(id)).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), waiting, "monitors started beside a launcher, not taken, still running");
    }

    private static List<String> monitorsBeside(String id) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                String cmdline;
                try {
                    cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                } catch (IOException gone) {
                    continue;
                }
                if (cmdline.contains("dev.vaina.monitor.Monitor") && cmdline.contains(ADOPTED) && cmdline.contains(id)) {
                    found.add(process.getFileName() + ": " + cmdline);
                }
            }
        }
        return found;
    }
}
