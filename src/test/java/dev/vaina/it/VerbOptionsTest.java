package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The options of the container and image verbs that Podman's scripts pass. Each test has a store of its
 * own (--root, --runroot), so --latest, --last and --all see only its containers.
 */
class VerbOptionsTest {

    /** vaina with a private store, made by the mode's user. */
    private record Private(VainaCli vaina, Path dir) {
        static Private store(VainaCli vaina) {
            Path dir = Path.of(vaina.exec(List.of("mktemp", "-d", "/tmp/vo.XXXXXX")).assertSuccess().stdout().strip());
            Private store = new Private(vaina, dir);
            store.run("import", TestImages.busyboxTarball().toString(), Images.BUSYBOX).assertSuccess();
            return store;
        }

        Result run(String... args) {
            List<String> all = new ArrayList<>(List.of("--root", dir.resolve("root").toString(), "--runroot",
                    dir.resolve("run").toString()));
            all.addAll(List.of(args));
            return vaina.run(all.toArray(String[]::new));
        }

        void removeAll() {
            run("rm", "-a", "-f", "-t", "0");
            vaina.exec(List.of("rm", "-rf", dir.toString()));
        }
    }

    @EachMode
    void containersAreChosenByLatestAllAndCidfile_andLogsShowSeveral(VainaCli vaina) {
        Private store = Private.store(vaina);
        String a = "vo-a-" + vaina.mode();
        String b = "vo-b-" + vaina.mode();
        try {
            store.run("run", "-d", "--name", a, Images.BUSYBOX, "sh", "-c", "echo one; echo two >&2; sleep 1000").assertSuccess();
            String idB = store.run("create", "--name", b, Images.BUSYBOX, "sh", "-c", "echo b; exit 4").assertSuccess().stdout().strip();

            assertEquals(idB + "\n", store.run("ps", "-l", "-q", "--no-trunc").assertSuccess().stdout());
            List<String> byName = names(store.run("ps", "-n", "2", "--sort", "names", "--external").assertSuccess());
            assertEquals(List.of(a, b), byName);
            assertEquals(List.of(a), names(store.run("ps").assertSuccess()));

            Result attached = store.run("start", "-a", b).assertExitCode(4);
            assertEquals("b\n", attached.stdout(), attached::describe);
            Path cidfile = store.dir().resolve("cid");
            vaina.exec(List.of("sh", "-c", "printf %s \"$1\" > \"$2\"", "sh", idB, cidfile.toString())).assertSuccess();
            assertEquals("4\n", store.run("wait", "--cidfile", cidfile.toString()).assertSuccess().stdout());
            assertEquals("4\n", store.run("wait", "--condition", "exited", "--condition", "running", b).assertSuccess().stdout());
            assertEquals("-1\n", store.run("wait", "--condition=running", a).assertSuccess().stdout());

            Result named = store.run("logs", "--names", a, b).assertSuccess();
            assertEquals(a + " one\n" + b + " b\n", named.stdout(), named::describe);
            assertEquals(a + " two\n", named.stderr(), named::describe);
            Result byId = store.run("logs", a, b).assertSuccess();
            assertTrue(byId.stdout().matches("[0-9a-f]{12} one\n[0-9a-f]{12} b\n"), byId::describe);
            Result stamped = store.run("logs", "-t", "--tail", "1", b).assertSuccess();
            assertTrue(stamped.stdout().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z b\n"), stamped::describe);
            assertEquals("b\n", store.run("logs", "--since", "2000-01-01", "--until", "0s", b).assertSuccess().stdout());
            assertEquals("", store.run("logs", "--until", "2000-01-01T00:00:00Z", b).assertSuccess().stdout());
            assertEquals("", store.run("logs", "--since", "1h", "--until", "946684800", b).assertSuccess().stdout());
            assertEquals("b\n", store.run("logs", "-l").assertSuccess().stdout());

            assertTrue(store.run("inspect", "--type", "container", "-l").assertSuccess().stdout().contains(idB));
            assertTrue(store.run("inspect", "--type", "image", Images.BUSYBOX).assertSuccess().stdout().contains("RootFS"));

            // kill --all signals the running containers only.
            String idA = idOf(store, a);
            assertEquals(idA + "\n", store.run("kill", "-a").assertSuccess().stdout());
            assertEquals("137\n", store.run("wait", a).assertSuccess().stdout());
            assertEquals("", store.run("kill", "--ignore", "nosuch").assertSuccess().stdout());
            assertEquals("", store.run("wait", "--ignore", "nosuch").assertSuccess().stdout());

            assertEquals(idB + "\n", store.run("rm", "-l").assertSuccess().stdout());
            assertEquals(a + "\n", store.run("rm", "-t", "0", "-v", "--depend", a).assertSuccess().stdout());
            assertEquals("", store.run("ps", "-a", "-q").assertSuccess().stdout());
        } finally {
            store.removeAll();
        }
    }

    @EachMode
    void rmTime_stopsARunningContainerWithinTheTime_andStartAllRestartAll(VainaCli vaina) {
        Private store = Private.store(vaina);
        String name = "vo-t-" + vaina.mode();
        try {
            store.run("create", "--name", name, Images.BUSYBOX, "sleep", "1000").assertSuccess();
            assertEquals(idOf(store, name) + "\n", store.run("start", "--all").assertSuccess().stdout());
            assertEquals(idOf(store, name) + "\n", store.run("restart", "-a", "-t", "0").assertSuccess().stdout());
            long started = System.nanoTime();
            Result rm = store.run("rm", "-f", "-t", "1", name).assertSuccess();
            assertEquals(name + "\n", rm.stdout());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 8, rm::describe);
            assertTrue(rm.stderr().contains("WARN: StopSignal SIGTERM failed to stop container " + name + " in 1 seconds, resorting to SIGKILL"),
                    rm::describe);
        } finally {
            store.removeAll();
        }
    }

    @EachMode
    void logsOfAnRmContainer_whileItRuns(VainaCli vaina) throws Exception {
        String name = "vo-rm-" + vaina.mode();
        vaina.run("run", "-d", "--rm", "--name", name, Images.busybox(vaina), "sh", "-c", "echo hello; exec sleep 1000")
                .assertSuccess();
        try {
            Result logs = vaina.run("logs", name);
            for (int i = 0; i < 100 && logs.succeeded() && logs.stdout().isEmpty(); i++) {
                Thread.sleep(100);
                logs = vaina.run("logs", name);
            }
            assertEquals("hello\n", logs.assertSuccess().stdout(), logs::describe);
            // logs -f follows until the container is gone, stopped and removed by its own unit.
            CompletableFuture<Result> followed = CompletableFuture.supplyAsync(
                    () -> vaina.run(Duration.ofSeconds(120), "logs", "-f", name));
            awaitProcess("dev.vaina.cli.Main\0logs\0-f\0" + name);
            Thread.sleep(2000);
            vaina.run("stop", "-t", "0", name).assertSuccess();
            Result result = followed.get(150, TimeUnit.SECONDS).assertSuccess();
            assertEquals("hello\n", result.stdout(), result::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    /** Waits until a process whose command line contains {@code text} (arguments NUL-separated) runs. */
    private static void awaitProcess(String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (var procs = Files.list(Path.of("/proc"))) {
                boolean found = procs.filter(p -> p.getFileName().toString().matches("\\d+")).anyMatch(p -> {
                    try {
                        return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).contains(text);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                if (found) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no process runs " + text.replace('\0', ' '));
    }

    @EachMode
    void imagesTakeAReferenceFiltersAndSort(VainaCli vaina) {
        String image = Images.busybox(vaina);
        assertTrue(vaina.run("images", "localhost/busybox").assertSuccess().stdout().contains("localhost/busybox"));
        assertTrue(vaina.run("images", "busybox").assertSuccess().stdout().contains("localhost/busybox"));
        assertEquals(1, vaina.run("images", "nosuchrepository").assertSuccess().stdout().lines().count());
        assertTrue(vaina.run("images", "--filter", "reference=busybox", "--filter", "label=nosuch",
                "--sort", "repository").assertSuccess().stdout().lines().count() == 1);
        // Other tests' images may be newer; busybox itself is not newer than itself.
        Result sorted = vaina.run("images", "--sort", "size", "--filter", "since=" + image).assertSuccess();
        assertTrue(sorted.stdout().startsWith("REPOSITORY") && !sorted.stdout().contains("localhost/busybox "), sorted::describe);
    }

    @EachMode
    void globalOptionsOfPodmansScripts(VainaCli vaina) {
        Result debug = vaina.run("--log-level", "debug", "--cgroup-manager", "cgroupfs", "ps").assertSuccess();
        assertTrue(debug.stderr().contains("DEBUG: store: "), debug::describe);
        assertTrue(debug.stderr().contains("every container runs in the cgroup of its own systemd unit"), debug::describe);
        assertEquals("", vaina.run("--log-level", "error", "ps").assertSuccess().stderr());
        vaina.run("--storage-driver", "overlay", "--events-backend", "file", "--systemd-manager", "user", "ps").assertSuccess();
        assertEquals("", vaina.run("--noout", "images").assertSuccess().stdout());
        Result vfs = vaina.run("--storage-driver", "vfs", "ps").assertExitCode(125);
        assertTrue(vfs.stderr().contains("storage driver \"vfs\" is not supported") && vfs.stderr().contains("use overlay"), vfs::describe);
        for (List<String> remote : List.of(List.of("--remote"), List.of("-r"), List.of("--url", "unix:///run/podman.sock"),
                List.of("--connection", "other"))) {
            List<String> args = new ArrayList<>(remote);
            args.add("ps");
            Result refused = vaina.run(args.toArray(String[]::new)).assertExitCode(125);
            assertTrue(refused.stderr().contains("vaina has no remote mode"), refused::describe);
        }
        Result version = vaina.run("version").assertSuccess();
        assertTrue(version.stdout().lines().anyMatch(l -> l.matches("Version: {6}\\d+\\.\\d+\\.\\d+")), version::describe);
        assertTrue(version.stdout().lines().anyMatch(l -> l.matches("OS/Arch: {6}linux/\\w+")), version::describe);
        // The build's time, which the build writes into a class (cli.system.BuildTime), as Go's time.ANSIC.
        assertTrue(version.stdout().lines().anyMatch(l -> l.matches(
                "Built: {8}\\w{3} \\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}")), version::describe);
    }

    private static String idOf(Private store, String name) {
        return store.run("ps", "-a", "-q", "--no-trunc", "--filter", "name=^" + name + "$").assertSuccess().stdout().strip();
    }

    /** The NAMES column of a `ps` table. */
    private static List<String> names(Result ps) {
        return ps.stdout().lines().skip(1).map(line -> line.substring(line.lastIndexOf(' ') + 1)).toList();
    }
}
