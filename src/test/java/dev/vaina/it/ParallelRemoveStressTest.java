package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.CpuLoad;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * 20 containers started at once, then removed at once with {@code rm -f}, while busy loops keep both CPUs
 * saturated: every command succeeds and nothing of the containers is left (record, unit file, loaded unit,
 * mount, process), however slowly the stops and their cleanups proceed. Two rounds per mode; each container's
 * stop escalates to SIGKILL, as in the reported failure (16 of 20 rm -f left containers "Exited (137)").
 */
class ParallelRemoveStressTest {
    private static final int CONTAINERS = 20;
    private static final int ROUNDS = 2;
    private static final Duration COMMAND = Duration.ofMinutes(3);

    @EachMode
    void parallelRunThenParallelRmForce_underCpuLoad_leaveNothing(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        for (int round = 1; round <= ROUNDS; round++) {
            String prefix = "stress-" + vaina.mode() + "-" + round + "-";
            List<String> ids;
            try (CpuLoad load = new CpuLoad(2)) {
                long start = System.nanoTime();
                // sleep ignores SIGTERM as PID 1: every stop escalates to SIGKILL (exit 137) after the timeout
                ids = parallel(i -> vaina.run(COMMAND, "run", "-d", "--name", prefix + i, "--stop-timeout", "2",
                        image, "sleep", "1000")).stream().map(result -> result.stdout().strip()).toList();
                long started = System.nanoTime();
                parallel(i -> vaina.run(COMMAND, "rm", "-f", prefix + i));
                System.out.printf("%s round %d: %d x run -d %.1f s, %d x rm -f %.1f s%n", vaina.mode(), round,
                        CONTAINERS, (started - start) / 1e9, CONTAINERS, (System.nanoTime() - started) / 1e9);
            }
            assertNothingLeft(vaina, prefix, ids);
        }
    }

    /** Runs {@code command} for 0..CONTAINERS-1 all at once; fails listing every command that failed. */
    private static List<Result> parallel(IntFunction<Result> command) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONTAINERS);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < CONTAINERS; i++) {
                int index = i;
                futures.add(pool.submit(() -> command.apply(index)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            List<String> failures = results.stream().filter(r -> !r.succeeded()).map(Result::describe).toList();
            assertEquals(List.of(), failures, failures.size() + " of " + CONTAINERS + " commands failed");
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertNothingLeft(VainaCli vaina, String prefix, List<String> ids)
            throws IOException, InterruptedException {
        Result ps = vaina.run("ps", "-a", "--no-trunc", "-q", "--filter", "name=^" + prefix).assertSuccess();
        assertEquals("", ps.stdout(), ps::describe);
        // systemd unloads a stopped unit whose file is gone at its next garbage collection, not at once
        Result units = vaina.systemctl("list-units", "--all", "--no-legend", "container-" + prefix + "*");
        for (int tries = 0; tries < 50 && !units.stdout().isBlank(); tries++) {
            Thread.sleep(200);
            units = vaina.systemctl("list-units", "--all", "--no-legend", "container-" + prefix + "*");
        }
        assertEquals("", units.stdout().strip(), units::describe);
        String runtimeDir = vaina.environment().get("XDG_RUNTIME_DIR");
        try (Stream<Path> files = Files.list(Path.of(runtimeDir, "systemd", "user"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("container-" + prefix))
                    .toList(), "unit files left");
        } catch (NoSuchFileException e) {
            // no unit directory at all: no unit file either
        }
        List<Path> roots = vaina.mode() == Mode.ROOTFUL ? List.of(Path.of("/var/lib/vaina"), Path.of("/run/vaina"))
                : List.of(Path.of(vaina.environment().get("XDG_DATA_HOME"), "vaina"), Path.of(runtimeDir, "vaina"));
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        for (String id : ids) {
            assertTrue(id.matches("[0-9a-f]{64}"), id);
            for (Path root : roots.stream().filter(Files::isDirectory).toList()) {
                assertEquals(List.of(), named(root, id), "files of container " + id + " left under " + root);
            }
            assertTrue(!mounts.contains(id), "a mount of container " + id + " is left:\n" + mounts);
            assertEquals(List.of(), ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(id)).map(p -> p.pid() + " "
                            + p.info().commandLine().orElse("")).toList(), "processes of container " + id + " left");
        }
    }

    /**
     * The paths under {@code root}, four levels deep, whose names contain {@code id}. Tests in the other test JVM
     * add and remove images and containers meanwhile: a directory that goes while it is walked is skipped.
     */
    private static List<Path> named(Path root, String id) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), 4, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return visit(dir);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                return visit(file);
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                return gone(e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                return e == null ? FileVisitResult.CONTINUE : gone(e);
            }

            private FileVisitResult gone(IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            private FileVisitResult visit(Path path) {
                if (path.getFileName() != null && path.getFileName().toString().contains(id)) {
                    found.add(path);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
