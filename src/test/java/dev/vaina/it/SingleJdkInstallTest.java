package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.Engines;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An installation on a machine without a JDK newer than the command line's, as a fresh Debian 12 is: every JVM
 * runs on that JDK with its class-data archive, and containers start and stop. Where a newer JDK is installed
 * (as here) the suite's own installation starts root's containers on it, so this is the only rootful start of
 * that kind the suite makes.
 */
class SingleJdkInstallTest {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(4);

    @Test
    @Tag(Engines.ROOTFUL_ONLY) // install.sh runs as root
    void install_withoutANewerJdk_startsEveryJvmOnTheCommandLinesJdk_andRunsContainers() throws IOException {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        Path jar = vaina.vainaExecutable().getParent().resolveSibling("lib/vaina/vaina.jar");
        Path dir = Files.createTempDirectory("vaina-single-jdk.");
        Path prefix = dir.resolve("prefix");
        List<String> store = List.of("--root", dir.resolve("data").toString(), "--runroot", dir.resolve("run").toString());
        Path installed = prefix.resolve("bin/vaina");
        try {
            // VAINA_LAUNCHER_JAVA empty: no newer JDK for the launcher, whatever /usr/lib/jvm holds.
            vaina.exec(null, INSTALL_TIMEOUT, List.of("env", "VAINA_LAUNCHER_JAVA=",
                    Path.of("scripts/install-files.sh").toAbsolutePath().toString(), prefix.toString(), jar.toString()))
                    .assertSuccess();
            String cli = Files.readString(installed);
            String java = cli.substring(cli.indexOf("\nexec '") + "\nexec '".length(), cli.indexOf("' ", cli.indexOf("\nexec '")));
            Path lib = prefix.resolve("lib/vaina");
            for (String wrapper : List.of("vaina-launcher", "vaina-monitor", "vaina-generator")) {
                String text = Files.readString(lib.resolve(wrapper));
                assertEquals(new TreeSet<>(List.of(java)), javas(text), wrapper + ":\n" + text);
                assertFalse(text.contains("-XX:AOTCache="), text);
            }
            for (String archive : List.of("vaina-cli.jsa", "vaina-launcher.jsa", "vaina-monitor.jsa",
                    "vaina-monitor-cleanup.jsa", "vaina-generator.jsa")) {
                assertTrue(Files.isRegularFile(lib.resolve(archive)), "no " + archive + " in " + lib);
            }
            assertFalse(Files.exists(lib.resolve("vaina-launcher.aot")), "an AOT cache without a newer JDK");
            // The install's training ran containers in this mount namespace, a manager answering here: nothing of
            // its scratch installation stays mounted.
            String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
            assertFalse(mounts.contains("/vaina-cds."), mounts);

            run(vaina, installed, store, "import", TestImages.busyboxTarball().toString(), Images.BUSYBOX).assertSuccess();
            Result ran = run(vaina, installed, store, "run", "--rm", Images.BUSYBOX, "echo", "started on one JDK");
            assertEquals("started on one JDK\n", ran.assertSuccess().stdout(), ran::describe);
            run(vaina, installed, store, "run", "-d", "--name", "single-jdk", Images.BUSYBOX, "sleep", "1000").assertSuccess();
            Result state = run(vaina, installed, store, "inspect", "--format", "{{.State.Status}}", "single-jdk");
            assertEquals("running", state.assertSuccess().stdout().strip(), state::describe);
            run(vaina, installed, store, "rm", "-f", "-t", "0", "single-jdk").assertSuccess();
        } finally {
            if (Files.isExecutable(installed)) {
                run(vaina, installed, store, "rm", "-a", "-f", "-t", "0");
            }
            // The run root's netns directory is a mount point of its own, like /run/netns.
            vaina.exec(List.of("sh", "-c", "umount \"$1/run/netns\" 2>/dev/null; rm -rf \"$1\"", "sh", dir.toString()));
        }
    }

    private static Result run(VainaCli vaina, Path installed, List<String> store, String... args) {
        List<String> command = new ArrayList<>();
        command.add(installed.toString());
        command.addAll(store);
        command.addAll(List.of(args));
        return vaina.exec(command);
    }

    /** Every java a wrapper execs. */
    private static TreeSet<String> javas(String wrapper) {
        TreeSet<String> javas = new TreeSet<>();
        for (int at = wrapper.indexOf("exec '"); at >= 0; at = wrapper.indexOf("exec '", at + 1)) {
            int start = at + "exec '".length();
            javas.add(wrapper.substring(start, wrapper.indexOf('\'', start)));
        }
        return javas;
    }
}
