package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestEnvironment;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import dev.vaina.spec.NetworkUnits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Definition files under the real managers: the generator installed where systemd looks for user generators
 * (/run/systemd/user-generators, private to the run), files in the mode's definition directory, daemon-reload,
 * and the units started and stopped with systemctl as a user would.
 */
class DefinitionFilesTest {

    /** The user's definition directory: rootful /run/vaina/systemd (private to the run), else the config home's. */
    static Path definitionDir(VainaCli vaina) {
        return vaina.mode() == Mode.ROOTFUL ? Path.of("/run/vaina/systemd")
                : Path.of(vaina.environment().get("XDG_CONFIG_HOME"), "vaina", "systemd");
    }

    /** Links the installed generator where every test manager runs user generators. */
    static void installGenerator() throws IOException {
        Path generators = Files.createDirectories(Path.of("/run/systemd/user-generators"));
        Path link = generators.resolve("vaina-generator");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, TestEnvironment.prefix().resolve("lib/vaina/vaina-generator"));
        }
    }

    /** Writes a definition file as the mode's user, as they would. */
    static void write(VainaCli vaina, String name, String text) {
        Path dir = definitionDir(vaina);
        vaina.exec(text, Duration.ofSeconds(30), List.of("sh", "-c", "mkdir -p '" + dir + "' && cat > '" + dir + "/" + name
                + "'")).assertSuccess();
    }

    static void remove(VainaCli vaina, String... names) {
        for (String name : names) {
            vaina.exec(List.of("rm", "-f", definitionDir(vaina).resolve(name).toString()));
        }
        vaina.systemctl("daemon-reload");
    }

    @EachMode
    void podAndMember_startWithThePodUnit_serveOnItsPort_andStopWithIt(VainaCli vaina) throws Exception {
        installGenerator();
        String image = Images.busybox(vaina);
        String m = vaina.mode().label();
        int port = NetworkTest.freePort();
        write(vaina, "web-" + m + ".pod", "[Pod]\nPodName=web-" + m + "\nPublishPort=" + port + ":80\n");
        write(vaina, "app-" + m + ".container", "[Unit]\nDescription=the app\n\n[Container]\nImage=" + image
                + "\nContainerName=app-" + m + "\nPod=web-" + m + ".pod\n"
                // sh as the container's init ends on SIGTERM (httpd as init would ignore it until SIGKILL).
                + "Exec=sh -c 'trap \"exit 0\" TERM; mkdir -p /www && echo from-" + m + " > /www/index.html;"
                + " httpd -f -p 80 -h /www & wait'\n");
        write(vaina, "broken-" + m + ".container", "[Container]\nImage=" + image + "\nPublishPort=80:80:80:80\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", "pod-web-" + m).assertSuccess();
            awaitPs(vaina, ps -> ps.lines().anyMatch(l -> l.contains("app-" + m) && l.contains(" Up ")));
            Result ps = vaina.run("ps", "-a", "--pod").assertSuccess();
            assertTrue(row(ps, "app-" + m).contains(" Up ") && row(ps, "app-" + m).endsWith("web-" + m), ps::describe);
            assertTrue(row(ps, "web-" + m + "-infra").contains(" Up "), ps::describe);
            assertEquals("from-" + m + "\n", NetworkTest.httpGet("127.0.0.1", port));
            assertEquals("active\n", vaina.systemctl("is-active", "app-" + m).stdout());

            // The broken file yields no unit, the others run; the generator says why, naming key, file and line.
            Result broken = vaina.systemctl("status", "broken-" + m);
            assertTrue(broken.stderr().contains("could not be found"), broken::describe);
            Result dryRun = vaina.exec(List.of(TestEnvironment.prefix().resolve("lib/vaina/vaina-generator").toString(),
                    "--dryrun")).assertExitCode(1);
            assertTrue(dryRun.stderr().contains(definitionDir(vaina).resolve("broken-" + m + ".container")
                    + ":3: [Container] PublishPort=80:80:80:80: "), dryRun::describe);
            assertTrue(dryRun.stdout().contains("---app-" + m + ".service---"), dryRun::describe);

            vaina.systemctl("stop", "pod-web-" + m).assertSuccess();
            Result after = vaina.run("ps", "-a", "--pod").assertSuccess();
            assertFalse(after.stdout().contains("app-" + m), "the member is removed when it stops: " + after.describe());
            assertTrue(row(after, "web-" + m + "-infra").contains("Exited"), after::describe);
            assertEquals("inactive\n", vaina.systemctl("is-active", "app-" + m).stdout());
        } finally {
            vaina.systemctl("stop", "pod-web-" + m);
            remove(vaina, "web-" + m + ".pod", "app-" + m + ".container", "broken-" + m + ".container");
            vaina.run("pod", "rm", "-f", "-t", "0", "web-" + m);
        }
    }

    @EachMode
    void containersOfANetworkFile_resolveEachOtherByName_withNoCommandLineContainerAround(VainaCli vaina)
            throws Exception {
        installGenerator();
        String image = Images.busybox(vaina);
        String m = vaina.mode().label();
        String net = "dnet-" + m;
        String server = "dsrv-" + m;
        String client = "dcli-" + m;
        write(vaina, net + ".network", "[Network]\nNetworkName=" + net + "\n");
        write(vaina, server + ".container", "[Container]\nImage=" + image + "\nContainerName=" + server
                + "\nNetwork=" + net + ".network\n"
                + "Exec=sh -c 'trap \"exit 0\" TERM; mkdir -p /www && echo from-" + server + " > /www/index.html;"
                + " httpd -f -p 80 -h /www & wait'\n");
        write(vaina, client + ".container", "[Container]\nImage=" + image + "\nContainerName=" + client
                + "\nNetwork=" + net + ".network\nExec=sh -c 'trap \"exit 0\" TERM; sleep 1000 & wait'\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            // Only units of definition files: nothing made on the command line starts the name server for them.
            vaina.systemctl("start", server, client).assertSuccess();
            Result fetched = null;
            for (int i = 0; i < 20 && (fetched == null || fetched.exitCode() != 0); i++) {
                if (fetched != null) {
                    Thread.sleep(500);
                }
                fetched = vaina.run("exec", client, "timeout", "5", "wget", "-q", "-O", "-", "http://" + server + "/");
            }
            assertEquals("from-" + server + "\n", fetched.stdout(), fetched::describe);
            assertEquals("active\n", vaina.systemctl("is-active", NetworkUnits.DNS).stdout());
        } finally {
            vaina.systemctl("stop", server, client);
            remove(vaina, net + ".network", server + ".container", client + ".container");
            vaina.run("network", "rm", "-f", net);
        }
    }

    @EachMode
    void restartOnFailure_restartsAContainerThatExitsWithOne(VainaCli vaina) throws Exception {
        installGenerator();
        String image = Images.busybox(vaina);
        String m = vaina.mode().label();
        String unit = "crash-" + m;
        write(vaina, unit + ".container", "[Container]\nImage=" + image + "\nExec=sh -c \"sleep 0.5; exit 1\"\n\n"
                + "[Service]\nRestart=on-failure\nRestartSec=1\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", unit).assertSuccess();
            Instant deadline = Instant.now().plusSeconds(60);
            int restarts = 0;
            String waitingStatus = null;
            while ((restarts < 2 || waitingStatus == null) && Instant.now().isBefore(deadline)) {
                List<String> shown = vaina.systemctl("show", "-p", "NRestarts", "-p", "SubState", "-p", "ExecMainStatus",
                        unit).stdout().lines().toList();
                restarts = Integer.parseInt(value(shown, "NRestarts"));
                if (value(shown, "SubState").equals("auto-restart")) {
                    // Waiting to restart: the status is the one the container exited with.
                    waitingStatus = value(shown, "ExecMainStatus");
                }
                Thread.sleep(100);
            }
            assertTrue(restarts >= 2, "systemd restarted the failed container " + restarts + " times");
            assertEquals("1", waitingStatus, "the container's exit status, seen while the unit waited to restart");
        } finally {
            vaina.systemctl("stop", unit);
            remove(vaina, unit + ".container");
        }
        Result ps = vaina.run("ps", "-a").assertSuccess();
        assertFalse(ps.stdout().contains("systemd-" + unit), "stopped, the container is removed: " + ps.describe());
    }

    /**
     * A definition file's container that exits is removed by its monitor, and the unit's ExecStopPost finds the
     * monitor's mark for this run and ends in the launcher's wrapper, although its command line names no run root.
     */
    @EachMode
    void exitedContainer_isRemovedByItsMonitor_andExecStopPostTakesTheMark(VainaCli vaina) throws Exception {
        installGenerator();
        String image = Images.busybox(vaina);
        String unit = "selfrm-" + vaina.mode().label();
        Path runRoot = Path.of(vaina.run("info", "--format", "{{.Store.RunRoot}}").assertSuccess().stdout().strip());
        write(vaina, unit + ".container", "[Container]\nImage=" + image + "\nExec=sleep 2\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", unit).assertSuccess();
            String invocation = vaina.systemctl("show", "-p", "InvocationID", "--value", unit).assertSuccess()
                    .stdout().strip();
            assertTrue(invocation.matches("[0-9a-f]{32}"), "the unit's InvocationID: " + invocation);
            Instant deadline = Instant.now().plusSeconds(90);
            String state;
            while (!(state = vaina.systemctl("show", "-p", "ActiveState", "--value", unit).stdout().strip())
                    .equals("inactive") && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals("inactive", state, "the unit's state after its container exited");
            Result ps = vaina.run("ps", "-a", "--format", "{{.Names}}").assertSuccess();
            assertFalse(ps.stdout().lines().anyMatch(("systemd-" + unit)::equals), ps::describe);
            assertFalse(Files.exists(runRoot.resolve("cleaned").resolve(invocation)),
                    "ExecStopPost found the monitor's mark and took it away");
        } finally {
            vaina.systemctl("stop", unit);
            remove(vaina, unit + ".container");
        }
    }

    /**
     * A health check in a definition file runs on its timer, which the create in ExecStartPre= starts bound to
     * the generated unit: with Notify=healthy the unit stays "activating" while the check fails and becomes
     * active once it passes; a failing check shows in vaina ps.
     */
    @EachMode
    void healthChecks_notifyHealthyHoldsTheUnitActivatingUntilACheckPasses_andUnhealthyShowsInPs(VainaCli vaina)
            throws Exception {
        installGenerator();
        String image = Images.busybox(vaina);
        String m = vaina.mode().label();
        String ready = "ready-" + m;
        String sick = "sick-" + m;
        String sleeper = "Exec=sh -c 'trap \"exit 0\" TERM; sleep 1000 & wait'\n";
        write(vaina, ready + ".container", "[Container]\nImage=" + image + "\nContainerName=" + ready + "\nNetwork=none\n"
                + sleeper + "HealthCmd=test -f /tmp/ready\nHealthInterval=1s\nNotify=healthy\n");
        write(vaina, sick + ".container", "[Container]\nImage=" + image + "\nContainerName=" + sick + "\nNetwork=none\n"
                + sleeper + "HealthCmd=false\nHealthInterval=1s\nHealthRetries=1\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", "--no-block", ready).assertSuccess();
            vaina.systemctl("start", sick).assertSuccess();
            awaitPs(vaina, ps -> ps.lines().anyMatch(l -> l.contains(sick) && l.contains("(unhealthy)")));

            awaitPs(vaina, ps -> ps.lines().anyMatch(l -> l.contains(ready) && l.contains(" Up ")));
            awaitOutput(() -> vaina.systemctl("is-active", ready + "-healthcheck.timer").stdout(), "active\n"::equals,
                    "the timer runs while the unit starts");
            // Several intervals of failing checks: still starting.
            awaitHealthLog(vaina, ready, 3);
            assertEquals("activating\n", vaina.systemctl("is-active", ready).stdout());

            vaina.run("exec", ready, "touch", "/tmp/ready").assertSuccess();
            Instant deadline = Instant.now().plusSeconds(30);
            String state = "";
            while (Instant.now().isBefore(deadline) && !state.equals("active\n")) {
                Thread.sleep(200);
                state = vaina.systemctl("is-active", ready).stdout();
            }
            assertEquals("active\n", state, "the first passed check makes the unit active");
            Result ps = vaina.run("ps").assertSuccess();
            assertTrue(row(ps, ready).contains("(healthy)"), ps::describe);

            vaina.systemctl("stop", ready, sick).assertSuccess();
            assertEquals("inactive\n", vaina.systemctl("is-active", ready + "-healthcheck.timer").stdout(),
                    "the timer goes with its unit");
        } finally {
            vaina.systemctl("stop", ready, sick);
            remove(vaina, ready + ".container", sick + ".container");
        }
    }

    /**
     * A .pod file's pod has a slice as a CLI pod does, named by the pod (its id changes at every start): the
     * generated units of the pod and its member run in it, pod top sees the member, and the pod starts again in
     * the same slice after a stop (the create that replaces the old pod must not stop the slice it runs in).
     */
    @EachMode
    void podFile_runsWithItsMembersInItsSlice_andStartsAgainInIt(VainaCli vaina) throws Exception {
        installGenerator();
        String image = Images.busybox(vaina);
        String m = vaina.mode().label();
        String pod = "sl-" + m;
        String member = "slm-" + m;
        String slice = "vaina-pod_sl\\x2d" + m + ".slice";
        write(vaina, pod + ".pod", "[Pod]\nPodName=" + pod + "\nNetwork=none\n");
        write(vaina, member + ".container", "[Container]\nImage=" + image + "\nContainerName=" + member + "\nPod=" + pod
                + ".pod\nExec=sh -c 'trap \"exit 0\" TERM; sleep 1000 & wait'\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            for (int start = 1; start <= 2; start++) {
                vaina.systemctl("start", "pod-" + pod).assertSuccess();
                awaitPs(vaina, ps -> ps.lines().anyMatch(l -> l.contains(member) && l.contains(" Up ")));
                assertEquals("Slice=" + slice + "\n", vaina.systemctl("show", "-p", "Slice", "pod-" + pod).stdout());
                String cgroup = vaina.systemctl("show", "-p", "ControlGroup", member).stdout();
                assertTrue(cgroup.contains("/" + slice + "/" + member + ".service"), "start " + start + ": " + cgroup);
                // "Up" is recorded once the runtime has started the container, maybe before its init has exec'd
                // and while the member a stop removed is still being removed.
                awaitOutput(() -> vaina.run("pod", "top", pod).stdout(), out -> out.contains("sleep 1000"),
                        "pod top lists the member's process");
                vaina.systemctl("stop", "pod-" + pod).assertSuccess();
            }
        } finally {
            vaina.systemctl("stop", "pod-" + pod);
            remove(vaina, pod + ".pod", member + ".container");
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
    }

    /** Waits (at most 30 s) until what {@code output} gives satisfies {@code condition}. */
    private static void awaitOutput(java.util.function.Supplier<String> output, Predicate<String> condition, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String last = output.get();
        while (!condition.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = output.get();
        }
        assertTrue(condition.test(last), what + "; last:\n" + last);
    }

    /** The checks the container has logged, once there are at least {@code count}. */
    private static void awaitHealthLog(VainaCli vaina, String name, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = vaina.run("inspect", "--format", "{{len .State.Health.Log}}", name).stdout().strip();
            if (last.matches("\\d+") && Integer.parseInt(last) >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " never logged " + count + " checks; last: " + last);
    }

    /**
     * GlobalArgs=--root DIR: the create, the launcher and the cleanup all use that store, and the caller's
     * default store never sees the container.
     */
    @EachMode
    void globalArgsRoot_everyCommandOfTheUnitUsesThatStore(VainaCli vaina) throws Exception {
        installGenerator();
        String m = vaina.mode().label();
        String unit = "elsewhere-" + m;
        String root = vaina.exec(List.of("sh", "-c", "mktemp -d \"$HOME/vaina-root.XXXXXX\"")).assertSuccess().stdout()
                .strip();
        try {
            vaina.run("--root", root, "import", TestImages.busyboxTarball().toString(), Images.BUSYBOX).assertSuccess();
            // The launcher reads --root=DIR as well as --root DIR.
            write(vaina, unit + ".container", "[Container]\nImage=" + Images.BUSYBOX + "\nContainerName=" + unit
                    + "\nNetwork=none\nGlobalArgs=--root=" + root + "\nExec=sh -c 'trap \"exit 0\" TERM; sleep 1000 & wait'\n");
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", unit).assertSuccess();
            Result there = vaina.run("--root", root, "ps", "--format", "{{.Names}} {{.Status}}").assertSuccess();
            assertTrue(there.stdout().lines().anyMatch(l -> l.startsWith(unit + " Up ")), there::describe);
            Result here = vaina.run("ps", "-a", "--format", "{{.Names}}").assertSuccess();
            assertFalse(here.stdout().lines().anyMatch(unit::equals), here::describe);

            vaina.systemctl("stop", unit).assertSuccess();
            assertEquals("inactive\n", vaina.systemctl("is-active", unit).stdout(), "the container's exit ended the unit");
            Result after = vaina.run("--root", root, "ps", "-a", "--format", "{{.Names}}").assertSuccess();
            assertFalse(after.stdout().lines().anyMatch(unit::equals), "the cleanup removed it from " + root + ": "
                    + after.describe());
        } finally {
            vaina.systemctl("stop", unit);
            remove(vaina, unit + ".container");
            vaina.exec(List.of("rm", "-rf", root));
        }
    }

    /**
     * A reboot, as far as vaina can tell: a fresh manager (fresh runtime directory, fresh state) whose generator
     * finds a container with WantedBy=default.target, which then comes up without anyone asking.
     */
    @EachMode
    void bootTime_aUnitWantedByDefaultTargetStartsWhenAFreshManagerStarts(VainaCli vaina) throws Exception {
        installGenerator();
        String vainaBin = vaina.vainaExecutable().toString();
        String dir = vaina.mode() == Mode.ROOTFUL ? "/run/vaina/systemd" : "$XDG_CONFIG_HOME/vaina/systemd";
        String file = "[Container]\nImage=" + Images.BUSYBOX + "\nContainerName=booted\nNetwork=none\n"
                + "Exec=sh -c 'trap \"exit 0\" TERM; sleep 1000 & wait'\n\n[Install]\nWantedBy=default.target\n";
        String before = vainaBin + " import " + TestImages.busyboxTarball() + " " + Images.BUSYBOX + " >/dev/null"
                + " && mkdir -p \"" + dir + "\" && printf '%s' \"$BOOT_FILE\" > \"" + dir + "/boot.container\"";
        // vaina ps lists running containers only.
        String after = "for i in $(seq 150); do " + vainaBin + " ps --format '{{.Names}}' | grep -qx booted && break;"
                + " sleep 0.2; done; " + vainaBin + " ps --format 'running: {{.Names}}';"
                + " systemctl --user is-active boot.service";
        ProcessBuilder builder = new ProcessBuilder(Path.of("scripts/fresh-manager.sh").toAbsolutePath().toString(),
                vaina.user(), "BOOT_FILE='" + file.replace("'", "'\\''") + "'; export BOOT_FILE; " + before, after)
                .redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("running: booted\n"), output);
        assertTrue(output.endsWith("active\n"), output);
    }

    private static String value(List<String> properties, String name) {
        return properties.stream().filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1))
                .findFirst().orElse("");
    }

    static void awaitPs(VainaCli vaina, Predicate<String> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = vaina.run("ps", "-a", "--pod").assertSuccess().stdout();
            if (condition.test(last)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("vaina ps -a --pod never showed what was expected; last:\n" + last);
    }

    private static String row(Result ps, String name) {
        return ps.stdout().lines().filter(l -> l.contains("  " + name + "  ") || l.endsWith("  " + name)
                || l.contains("  " + name + " ")).findFirst().orElseThrow(() -> new AssertionError("no row for " + name
                        + " in:\n" + ps.stdout())).strip();
    }
}
