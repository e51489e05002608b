package dev.vaina.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.vaina.spec.ContainerName;
import dev.vaina.spec.RestartPolicy;
import dev.vaina.unit.ContainerUnitModel;
import dev.vaina.unit.ContainerUnitRenderer;
import dev.vaina.unit.UnitFile;

/**
 * Runs rendered container units on a real systemd user manager over a real D-Bus session bus. Run it through
 * ./test.sh, which starts such a manager where none is running.
 */
class SystemdManagerTest {
    static final String HOW_TO_RUN = "run it through ./test.sh, e.g. ./test.sh -o -Dtest=SystemdManagerTest";
    static final int SIGCONT = 18;
    static final int SIGSTOP = 19;
    static final int SIGUSR1 = 10;
    static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    /** Unique per run so that a developer's own user manager never sees a name twice. */
    static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    static Systemd systemd;
    static Path unitDir;
    static Path scratch;
    static final List<Path> written = new ArrayList<>();

    @BeforeAll
    static void connect() throws IOException {
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir == null || runtimeDir.isEmpty()) {
            fail("SystemdManagerTest needs a systemd user manager, and XDG_RUNTIME_DIR is not set: " + HOW_TO_RUN);
        }
        long before = System.nanoTime();
        try {
            systemd = Systemd.connect(ManagerScope.USER);
            systemd.statuses(List.of("default.target"));
        } catch (SystemdException e) {
            fail("SystemdManagerTest could not talk to a systemd user manager (" + e.getMessage()
                    + "); if none is running, " + HOW_TO_RUN, e);
        }
        System.out.printf("SystemdManagerTest: first connect + ListUnitsByNames in this JVM: %.1f ms%n",
                (System.nanoTime() - before) / 1e6);
        // A unit directory the user manager reads, where a new file is loaded on demand without daemon-reload.
        unitDir = Files.createDirectories(Path.of(runtimeDir, "systemd", "user"));
        scratch = Files.createTempDirectory("vaina-systemd-it");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (systemd == null) {
            return;
        }
        for (Path file : written) {
            String unit = file.getFileName().toString();
            if (systemd.status(unit).isActive()) {
                systemd.stopUnit(unit);
            }
            systemd.resetFailedUnit(unit);
            Files.deleteIfExists(file);
        }
        systemd.close();
    }

    static ContainerUnitModel model(String name, List<String> execStart, List<String> cleanup) {
        return new ContainerUnitModel(ID, new ContainerName(name + "-" + RUN), "localhost/it:latest", execStart,
                cleanup, 2, RestartPolicy.NO, null, false);
    }

    /** Renders the unit, lets edit adjust it the way a test needs, and installs it; returns the unit name. */
    static String install(ContainerUnitModel model, Consumer<UnitFile> edit) throws IOException {
        UnitFile unit = UnitFile.parse(ContainerUnitRenderer.render(model), model.unitName());
        edit.accept(unit);
        Path file = unitDir.resolve(model.unitName());
        Files.writeString(file, unit.text(), StandardCharsets.UTF_8);
        written.add(file);
        return model.unitName();
    }

    /** systemd-notify is a child of the shell, not the main process, so the test unit widens NotifyAccess. */
    static String installSleeper(String name, Path cleanupMarker) throws IOException {
        return install(model(name, List.of("/bin/sh", "-c", "systemd-notify --ready; exec sleep 100"),
                List.of("/usr/bin/touch", cleanupMarker.toString())),
                unit -> unit.set("Service", "NotifyAccess", "all"));
    }

    static UnitStatus awaitStatus(String unit, Predicate<UnitStatus> condition, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        UnitStatus status = systemd.status(unit);
        while (!condition.test(status)) {
            if (System.nanoTime() > deadline) {
                fail(unit + " did not become " + what + " within 10 s; last status " + status);
            }
            Thread.sleep(20);
            status = systemd.status(unit);
        }
        return status;
    }

    static char processState(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    @Test
    void startUnit_renderedUnitRunsIsKilledAndStops() throws Exception {
        Path marker = scratch.resolve("cleanup-ran");
        String unit = installSleeper("sleeper", marker);

        long before = System.nanoTime();
        JobResult started = systemd.startUnit(unit);
        System.out.printf("SystemdManagerTest: StartUnit %s + job done: %.1f ms%n", unit, (System.nanoTime() - before) / 1e6);
        assertEquals(JobResult.DONE, started);

        UnitStatus status = systemd.status(unit);
        assertEquals("loaded", status.loadState(), status.toString());
        assertEquals("active", status.activeState(), status.toString());
        assertEquals("running", status.subState(), status.toString());
        assertTrue(status.mainPid() > 0, status.toString());
        // READY=1 comes from the shell just before it execs sleep: give the exec a moment.
        Path cmdline = Path.of("/proc/" + status.mainPid() + "/cmdline");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.readString(cmdline).equals("sleep\u0000100\u0000") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("sleep\u0000100\u0000", Files.readString(cmdline));

        systemd.killUnit(unit, "main", SIGSTOP);
        long pid = status.mainPid();
        awaitCondition(() -> processState(pid) == 'T', "process " + pid + " stopped by SIGSTOP");
        systemd.killUnit(unit, "main", SIGCONT);
        awaitCondition(() -> processState(pid) != 'T', "process " + pid + " continued by SIGCONT");

        assertEquals(JobResult.DONE, systemd.stopUnit(unit));
        status = systemd.status(unit);
        assertEquals("inactive", status.activeState(), status.toString());
        assertEquals(0, status.mainPid());
        assertTrue(Files.exists(marker), "ExecStopPost did not run: no " + marker);
    }

    @Test
    void killUnit_signalThatKillsTheMainProcessFailsTheUnit() throws Exception {
        String unit = installSleeper("killed", scratch.resolve("killed-cleanup"));
        assertEquals(JobResult.DONE, systemd.startUnit(unit));
        systemd.killUnit(unit, "main", SIGUSR1);
        UnitStatus status = awaitStatus(unit, UnitStatus::isFailed, "failed");
        assertEquals(UnitStatus.CLD_KILLED, status.execMainCode(), status.toString());
        assertEquals(SIGUSR1, status.execMainStatus(), status.toString());
        assertEquals("signal", status.result());

        systemd.resetFailedUnit(unit);
        status = systemd.status(unit);
        assertEquals("inactive", status.activeState(), status.toString());
    }

    @Test
    void restartUnit_givesANewMainProcess() throws Exception {
        String unit = installSleeper("restarted", scratch.resolve("restarted-cleanup"));
        assertEquals(JobResult.DONE, systemd.startUnit(unit));
        long first = systemd.status(unit).mainPid();
        assertEquals(JobResult.DONE, systemd.restartUnit(unit));
        UnitStatus status = systemd.status(unit);
        assertTrue(status.isActive(), status.toString());
        assertNotEquals(first, status.mainPid());
        assertEquals(JobResult.DONE, systemd.stopUnit(unit));
    }

    @Test
    void startUnit_failingUnitReportsFailedWithExitStatusAndResetFailedUnloadsIt() throws Exception {
        String unit = install(model("failing", List.of("/bin/sh", "-c", "exit 3"), List.of()), edit -> {
        });
        assertEquals(JobResult.FAILED, systemd.startUnit(unit));
        UnitStatus status = systemd.status(unit);
        assertEquals("failed", status.activeState(), status.toString());
        assertEquals(UnitStatus.CLD_EXITED, status.execMainCode(), status.toString());
        assertEquals(3, status.execMainStatus(), status.toString());
        assertEquals("exit-code", status.result());

        // Without its file, a unit that is no longer failed is garbage-collected: systemd forgets it.
        Files.delete(unitDir.resolve(unit));
        systemd.resetFailedUnit(unit);
        status = awaitStatus(unit, UnitStatus::isNotFound, "not-found");
        assertEquals("inactive", status.activeState());
        systemd.resetFailedUnit(unit); // not loaded any more: still fine
    }

    @Test
    void restartOnFailure_retriesBoundTheNumberOfStarts() throws Exception {
        Path runs = scratch.resolve("retry-runs");
        ContainerUnitModel model = new ContainerUnitModel(ID, new ContainerName("retry-" + RUN), "localhost/it:latest",
                List.of("/bin/sh", "-c", "echo run >> \"$0\"; exit 1", runs.toString()), List.of(), 2,
                RestartPolicy.parse("on-failure:2"), null, false);
        // Only the pace changes, to keep the test short; the limits are the rendered ones.
        String unit = install(model, edit -> edit.set("Service", "RestartSec", "100ms"));
        JobResult result = systemd.startUnit(unit);
        awaitStatus(unit, UnitStatus::isFailed, "failed for good");
        Thread.sleep(500); // a fourth start would have come by now
        assertEquals(List.of("run", "run", "run"), Files.readAllLines(runs), "on-failure:2 is 1 start + 2 restarts");
        UnitStatus status = systemd.status(unit);
        assertEquals("failed", status.activeState(), status.toString());
        // Result keeps the first failure's reason (exit-code); the start limit does not overwrite it.
        assertEquals(1, status.execMainStatus(), status.toString());
        assertEquals(JobResult.FAILED, result, "the start job waits through the restarts, then fails");
    }

    @Test
    void statuses_severalUnitsInOneCallInTheOrderAsked() throws Exception {
        String running = installSleeper("ps-running", scratch.resolve("ps-cleanup"));
        String failed = install(model("ps-failed", List.of("/bin/sh", "-c", "exit 7"), List.of()), edit -> {
        });
        String missing = "container-nonexistent-" + RUN + ".service";
        assertEquals(JobResult.DONE, systemd.startUnit(running));
        assertEquals(JobResult.FAILED, systemd.startUnit(failed));

        Map<String, UnitStatus> statuses = systemd.statuses(List.of(missing, running, failed));
        assertEquals(List.of(missing, running, failed), new ArrayList<>(statuses.keySet()));
        assertEquals(UnitStatus.notFound(missing), statuses.get(missing));
        assertTrue(statuses.get(running).isActive() && statuses.get(running).mainPid() > 0,
                statuses.get(running).toString());
        assertTrue(statuses.get(failed).isFailed(), statuses.get(failed).toString());
        assertEquals(7, statuses.get(failed).execMainStatus());
        assertEquals(JobResult.DONE, systemd.stopUnit(running));
    }

    @Test
    void unknownUnit_statusIsNotFoundAndJobsNameTheUnit() {
        String missing = "container-nonexistent-" + RUN + ".service";
        assertEquals(UnitStatus.notFound(missing), systemd.status(missing));
        NoSuchUnitException e = assertThrows(NoSuchUnitException.class, () -> systemd.startUnit(missing));
        assertTrue(e.getMessage().startsWith("cannot start unit " + missing + ": "), e.getMessage());
        assertEquals(missing, e.unit());
        systemd.resetFailedUnit(missing);
    }

    @Test
    void startUnit_argumentsReachTheProgramExactlyAsGiven() throws Exception {
        // A program path with a space, so that the quoting of argv[0] and of the "-" prefix is checked too.
        Path shell = Files.createSymbolicLink(scratch.resolve("my sh"), Path.of("/bin/sh"));
        Path out = scratch.resolve("argv");
        Path cleaned = scratch.resolve("quoted-cleanup");
        List<String> arguments = List.of("plain", "two words", "$HOME", "${HOME}", "100%", "%n", "say \"hi\"",
                "it's", ";", "", "back\\slash", "tab\there", "new\nline", "ünïcödé", "\\;");
        List<String> argv = new ArrayList<>(List.of(shell.toString(), "-c", "printf '%s\\n' \"$@\" > \"$0\"",
                out.toString()));
        argv.addAll(arguments);
        String unit = install(model("quoted", argv, List.of(shell.toString(), "-c", "touch \"$0\"",
                cleaned.toString())), edit -> {
                    edit.set("Service", "Type", "oneshot");
                    edit.unset("Service", "NotifyAccess");
                });
        assertEquals(JobResult.DONE, systemd.startUnit(unit));
        assertEquals(String.join("\n", arguments) + "\n", Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(Files.exists(cleaned), "ExecStopPost with a quoted program did not run");
    }

    @Test
    void reload_clearsNeedDaemonReload() throws Exception {
        Path marker = scratch.resolve("reload-cleanup");
        String unit = installSleeper("reloaded", marker);
        assertEquals(JobResult.DONE, systemd.startUnit(unit));
        assertFalse(systemd.status(unit).needDaemonReload());
        Path file = unitDir.resolve(unit);
        Files.writeString(file, Files.readString(file) + "# changed\n");
        // systemd compares file modification times, which may not tick within the same moment.
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertTrue(systemd.status(unit).needDaemonReload());
        assertTrue(systemd.needsReload(unit));
        systemd.reload();
        assertFalse(systemd.status(unit).needDaemonReload());
        assertFalse(systemd.needsReload(unit));
        assertEquals(JobResult.DONE, systemd.stopUnit(unit));
    }

    @Test
    void needsReload_ofAUnitNotInMemory_isFalse_andLeavesItUnloaded() throws Exception {
        String unit = installSleeper("never-loaded", scratch.resolve("never-loaded-cleanup"));
        assertFalse(systemd.isLoaded(unit));
        assertFalse(systemd.needsReload(unit));
        assertFalse(systemd.isLoaded(unit), "asking must not load the unit");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitCondition(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                fail("not seen within 5 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
