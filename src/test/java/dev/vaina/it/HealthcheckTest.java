package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** Health checks run by systemd timers, their results in ps and inspect, the on-failure actions, --sdnotify=healthy. */
class HealthcheckTest {

    @EachMode
    void timerRunsTheCheck_startingThenHealthy_andTheTimerGoesWithTheContainer(VainaCli vaina) throws Exception {
        String name = "hc-timer-" + vaina.mode();
        String timer = "container-" + name + "-healthcheck.timer";
        vaina.run("run", "-d", "--name", name, "--health-cmd", "test -e /tmp/ready && echo fine", "--health-interval", "1s",
                "--health-retries", "5", Images.busybox(vaina), "sleep", "1000").assertSuccess();
        try {
            assertEquals("active", activeState(vaina, timer));
            Result ps = vaina.run("ps", "--filter", "name=^" + name + "$").assertSuccess();
            assertTrue(ps.stdout().contains("(starting)"), ps::describe);
            assertEquals(name + "\n", vaina.run("ps", "--filter", "health=starting", "--filter", "name=^" + name + "$",
                    "--format", "{{.Names}}").assertSuccess().stdout());

            // The check fails until the file exists; the container stays "starting" for 5 retries.
            vaina.run("exec", name, "touch", "/tmp/ready").assertSuccess();
            awaitTrue(() -> vaina.run("ps", "--filter", "name=^" + name + "$", "--format", "{{.Status}}").stdout()
                    .contains("(healthy)"), Duration.ofSeconds(30), "the timer's check makes the container healthy");
            Result inspect = vaina.run("inspect", "--format",
                    "{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{(index .State.Health.Log 0).ExitCode}}"
                            + " {{.Config.Healthcheck.Test}} {{.Config.HealthcheckOnFailureAction}}", name).assertSuccess();
            assertTrue(inspect.stdout().startsWith("healthy 0 "), inspect::describe);
            assertTrue(inspect.stdout().endsWith(" [CMD-SHELL test -e /tmp/ready && echo fine] none\n"), inspect::describe);
            Result logged = vaina.run("inspect", "--format", "{{range .State.Health.Log}}{{.Output}};{{end}}", name)
                    .assertSuccess();
            assertTrue(logged.stdout().contains("fine;"), logged::describe);
            Result manual = vaina.run("healthcheck", "run", name).assertSuccess();
            assertEquals("", manual.stdout(), manual::describe);
            assertEquals(name + "\n", vaina.run("ps", "-a", "--filter", "health=healthy", "--filter", "name=^" + name + "$",
                    "--format", "{{.Names}}").assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
        assertNotEquals("active", activeState(vaina, timer), "the timer stops with the container's unit");
    }

    @EachMode
    void unhealthyAfterTheRetries_killIsApplied_andHealthcheckRunSpeaksAsPodman(VainaCli vaina) {
        String name = "hc-kill-" + vaina.mode();
        // Interval 0: no timer, the checks below are the only ones, so the count is exact.
        vaina.run("run", "-d", "--name", name, "--health-cmd", "echo broken; exit 3", "--health-interval", "0",
                "--health-retries", "2", "--health-on-failure", "kill", Images.busybox(vaina), "sleep", "1000")
                .assertSuccess();
        try {
            assertEquals("inactive", activeState(vaina, "container-" + name + "-healthcheck.timer"));
            Result first = vaina.run("healthcheck", "run", name).assertExitCode(1);
            assertEquals("unhealthy\n", first.stdout(), first::describe);
            Result streak = vaina.run("inspect", "--format", "{{.State.Health.Status}} {{.State.Health.FailingStreak}}"
                    + " {{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}", name).assertSuccess();
            assertEquals("starting 1 1 broken\n", streak.stdout(), streak::describe);
            assertEquals("running", vaina.run("inspect", "--format", "{{.State.Status}}", name).assertSuccess().stdout().strip());

            vaina.run("healthcheck", "run", name).assertExitCode(1);
            assertEquals("137\n", vaina.run("wait", name).assertSuccess().stdout(), "kill: the container got SIGKILL");
            Result stopped = vaina.run("healthcheck", "run", name).assertExitCode(125);
            assertTrue(stopped.stderr().contains("is not running"), stopped::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
        Result missing = vaina.run("healthcheck", "run", name).assertExitCode(125);
        assertTrue(missing.stderr().contains("unable to look up " + name + " to perform a health check"), missing::describe);
    }

    @EachMode
    void unhealthy_restartIsApplied_andTheRestartedContainerStartsOver(VainaCli vaina) throws Exception {
        String name = "hc-restart-" + vaina.mode();
        vaina.run("run", "-d", "--name", name, "--health-cmd", "test ! -e /tmp/broken", "--health-interval", "0",
                "--health-retries", "1", "--health-on-failure", "restart", "--stop-timeout", "1", Images.busybox(vaina),
                "sleep", "1000")
                .assertSuccess();
        try {
            String startedAt = vaina.run("inspect", "--format", "{{.State.StartedAt}}", name).assertSuccess().stdout();
            vaina.run("healthcheck", "run", name).assertSuccess();
            vaina.run("exec", name, "touch", "/tmp/broken").assertSuccess();
            vaina.run("healthcheck", "run", name).assertExitCode(1);
            awaitTrue(() -> {
                Result now = vaina.run("inspect", "--format", "{{.State.Status}} {{.State.StartedAt}}", name);
                return now.stdout().startsWith("running ") && !now.stdout().endsWith(startedAt);
            }, Duration.ofSeconds(30), "restart: the container is started again");
            // A new start: the writable layer is the same, so the file stays; the health record starts over.
            assertEquals("starting 0\n", vaina.run("inspect", "--format",
                    "{{.State.Health.Status}} {{.State.Health.FailingStreak}}", name).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void startupCheck_runsFirst_itsTimerStopsOnceItPassed_thenTheRegularCheckRuns(VainaCli vaina) throws Exception {
        String name = "hc-startup-" + vaina.mode();
        String startupTimer = "container-" + name + "-healthcheck-startup.timer";
        vaina.run("run", "-d", "--name", name, "--health-cmd", "test -e /tmp/ready", "--health-interval", "1h",
                "--health-startup-cmd", "test -e /tmp/started", "--health-startup-interval", "1s",
                "--health-startup-success", "2", Images.busybox(vaina), "sleep", "1000").assertSuccess();
        try {
            vaina.run("exec", name, "touch", "/tmp/ready").assertSuccess();
            // The regular check would pass now; the startup check is the one that runs, and fails.
            assertEquals("unhealthy\n", vaina.run("healthcheck", "run", name).assertExitCode(1).stdout());
            assertEquals("active", activeState(vaina, startupTimer));
            vaina.run("exec", name, "touch", "/tmp/started").assertSuccess();
            awaitTrue(() -> "inactive".equals(activeState(vaina, startupTimer)), Duration.ofSeconds(30),
                    "two passed startup checks stop the startup timer");
            assertEquals("starting", vaina.run("inspect", "--format", "{{.State.Health.Status}}", name).assertSuccess()
                    .stdout().strip(), "only the regular check makes it healthy");
            vaina.run("healthcheck", "run", name).assertSuccess();
            assertEquals("healthy", vaina.run("inspect", "--format", "{{.State.Health.Status}}", name).assertSuccess()
                    .stdout().strip());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void sdnotifyHealthy_holdsTheUnitActivating_untilTheFirstCheckPasses(VainaCli vaina) throws Exception {
        String name = "hc-notify-" + vaina.mode();
        String unit = "container-" + name + ".service";
        vaina.run("create", "--name", name, "--sdnotify", "healthy", "--health-cmd", "test -e /tmp/ready",
                "--health-interval", "1s", Images.busybox(vaina), "sleep", "1000").assertSuccess();
        try {
            CompletableFuture<Result> start = CompletableFuture.supplyAsync(() -> vaina.run("start", name));
            awaitTrue(() -> "activating".equals(activeState(vaina, unit)), Duration.ofSeconds(30), "the unit starts");
            // Several failed checks later, systemd still waits for READY=1.
            awaitTrue(() -> vaina.run("inspect", "--format", "{{.State.Health.FailingStreak}}", name).stdout()
                    .strip().matches("[2-9]|\\d\\d+"), Duration.ofSeconds(30), "the timer's checks fail meanwhile");
            assertEquals("activating", activeState(vaina, unit));
            assertTrue(!start.isDone(), "vaina start waits for the unit");

            vaina.run("exec", name, "touch", "/tmp/ready").assertSuccess();
            start.get().assertSuccess();
            assertEquals("active", activeState(vaina, unit));
            assertEquals("healthy", vaina.run("inspect", "--format", "{{.State.Health.Status}}", name).assertSuccess()
                    .stdout().strip());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    @EachMode
    void badHealthOptions_failAsPodman_andLeaveNothingBehind(VainaCli vaina) {
        String name = "hc-bad-" + vaina.mode();
        String[][] cases = {
            {"--health-on-failure=bogus", "invalid on-failure action \"bogus\" for health check: supported actions are none,kill,restart,stop"},
            {"--health-interval=xx", "invalid healthcheck-interval: time: invalid duration \"xx\""},
            {"--health-retries=0", "healthcheck-retries must be greater than 0"},
            {"--health-timeout=0s", "healthcheck-timeout must be at least 1 second"},
            {"--health-start-period=-1s", "healthcheck-start-period must be 0 seconds or greater"},
            {"--no-healthcheck", "cannot specify both --no-healthcheck and --health-cmd"},
        };
        for (String[] bad : cases) {
            Result result = vaina.run("create", "--name", name, "--health-cmd", "true", bad[0], Images.busybox(vaina), "true")
                    .assertExitCode(125);
            assertEquals("Error: " + bad[1] + "\n", result.stderr(), result::describe);
        }
        Result noCheck = vaina.run("create", "--name", name, "--sdnotify", "healthy", Images.busybox(vaina), "true")
                .assertExitCode(125);
        assertTrue(noCheck.stderr().contains("--sdnotify=healthy needs a health check"), noCheck::describe);
        assertEquals("", vaina.run("ps", "-a", "-q", "--filter", "name=^" + name + "$").assertSuccess().stdout());
    }

    static String activeState(VainaCli vaina, String unit) {
        return vaina.systemctl("show", "-p", "ActiveState", "--value", unit).stdout().strip();
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(200);
        }
    }
}
