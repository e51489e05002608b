package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * `vaina quadlet install`, `list` and `rm` under the real managers: files installed where the generator finds
 * them, their units' state as systemd reports it, and a refused request that changes nothing.
 */
class QuadletCommandsTest {

    @EachMode
    void installListRm_refuseWhatWouldLoseSomething_andChangeNothingWhenRefused(VainaCli vaina) throws Exception {
        DefinitionFilesTest.installGenerator();
        String image = Images.busybox(vaina);
        String m = vaina.mode().label();
        String runs = "qr-" + m;
        String idle = "qi-" + m;
        String broken = "qb-" + m;
        String source = "/tmp/vaina-quadlet-" + m;
        // Where `quadlet install` puts files: root's in /etc/vaina/systemd, a user's in their config home.
        Path installed = vaina.mode() == Mode.ROOTFUL ? Path.of("/etc/vaina/systemd")
                : DefinitionFilesTest.definitionDir(vaina);
        String network = "\nNetwork=none\n";
        vaina.exec("[Container]\nImage=" + image + "\nContainerName=" + runs + "\nExec=sleep 1000" + network, Duration.ofSeconds(30),
                List.of("sh", "-c", "rm -rf '" + source + "' && mkdir -p '" + source + "' && cat > '" + source + "/" + runs
                        + ".container' && echo not a definition > '" + source + "/notes.txt'")).assertSuccess();
        vaina.exec("[Container]\nImage=" + image + "\nContainerName=" + idle + "\nExec=sleep 1000" + network,
                Duration.ofSeconds(30), List.of("sh", "-c", "cat > '" + source + "/" + idle + ".container'")).assertSuccess();
        vaina.exec("[Container]\nImage=" + image + "\nPublishPort=80:80:80:80\n", Duration.ofSeconds(30),
                List.of("sh", "-c", "cat > '" + source + "/" + broken + ".container'")).assertSuccess();
        for (String file : List.of(runs, idle, broken)) {
            vaina.exec(List.of("rm", "-f", installed.resolve(file + ".container").toString())); // a killed run's
        }
        try {
            Result install = vaina.run("quadlet", "install", source).assertSuccess();
            assertEquals(List.of(installed + "/" + broken + ".container", installed + "/" + idle + ".container",
                    installed + "/" + runs + ".container"), install.stdout().lines().sorted().toList(),
                    "every definition file of the folder, and nothing else: " + install.describe());

            Result again = vaina.run("quadlet", "install", source + "/" + idle + ".container").assertExitCode(125);
            assertTrue(again.stderr().contains("is installed already") && again.stderr().contains("--replace"),
                    again::describe);
            vaina.run("quadlet", "install", "--replace", source + "/" + idle + ".container").assertSuccess();
            Result notDefinition = vaina.run("quadlet", "install", source + "/notes.txt").assertExitCode(125);
            assertTrue(notDefinition.stderr().contains("is not a definition file"), notDefinition::describe);

            Result list = vaina.run("quadlet", "list").assertSuccess();
            assertTrue(row(list, runs + ".container").contains(" " + runs + ".service "), list::describe);
            assertTrue(row(list, runs + ".container").endsWith("inactive/dead"), list::describe);
            assertTrue(row(list, broken + ".container").contains(" error: "), list::describe);

            vaina.systemctl("start", runs + ".service").assertSuccess();
            DefinitionFilesTest.awaitPs(vaina, ps -> GenerateTest.row(ps, runs).contains(" Up "));
            assertTrue(row(vaina.run("quadlet", "list").assertSuccess(), runs + ".container").endsWith("active/running"));

            Result refused = vaina.run("quadlet", "rm", idle + ".container", runs + ".container").assertExitCode(125);
            assertTrue(refused.stderr().contains("unit " + runs + ".service of " + runs + ".container is running"),
                    refused::describe);
            Result afterRefusal = vaina.run("quadlet", "list").assertSuccess();
            assertFalse(row(afterRefusal, idle + ".container").isEmpty(), "a refused rm removes no file: "
                    + afterRefusal.describe());

            Result removed = vaina.run("quadlet", "rm", "--force", idle + ".container", runs + ".container")
                    .assertSuccess();
            assertEquals(installed + "/" + idle + ".container\n" + installed + "/" + runs + ".container\n",
                    removed.stdout(), removed::describe);
            assertTrue(vaina.systemctl("is-active", runs + ".service").stdout().strip().matches("inactive|failed"),
                    "--force stopped the unit");
            Result left = vaina.run("quadlet", "list").assertSuccess();
            assertTrue(row(left, idle + ".container").isEmpty() && row(left, runs + ".container").isEmpty(),
                    left::describe);
            vaina.run("quadlet", "rm", "--ignore", idle + ".container").assertSuccess();
            Result missing = vaina.run("quadlet", "rm", idle + ".container").assertExitCode(125);
            assertTrue(missing.stderr().contains("no definition file " + idle + ".container is installed"),
                    missing::describe);
        } finally {
            vaina.systemctl("stop", runs + ".service");
            for (String file : List.of(runs, idle, broken)) {
                vaina.exec(List.of("rm", "-f", installed.resolve(file + ".container").toString()));
            }
            vaina.systemctl("daemon-reload");
            vaina.run("rm", "-f", "-t", "0", runs);
            vaina.exec(List.of("rm", "-rf", source));
        }
    }

    /** The list's line for one file, or "" when it is not listed. */
    private static String row(Result list, String fileName) {
        return list.stdout().lines().filter(l -> l.startsWith(fileName + " ")).findFirst().orElse("").strip();
    }
}
