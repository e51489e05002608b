package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.PrivateManager;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;

/**
 * After a reboot, vaina's boot units bring back the containers whose restart policy says so, as Docker does.
 * The "machine" is a private manager with its own store, so that its reboot leaves the other tests alone.
 */
class BootTest {

    @EachMode
    void afterAReboot_restartAlwaysAndUnlessStoppedAreBack_othersShowExited(VainaCli shared) throws Exception {
        try (PrivateManager machine = PrivateManager.start(shared)) {
            rebootKeepsWhatTheRestartPolicySays(machine, machine.vaina());
        }
    }

    private static void rebootKeepsWhatTheRestartPolicySays(PrivateManager machine, VainaCli vaina) throws Exception {
        String suffix = "-" + vaina.mode();
        String always = "boot-always" + suffix;
        String unlessStopped = "boot-unless" + suffix;
        String stoppedByUser = "boot-stopped" + suffix;
        String plain = "boot-plain" + suffix;
        String image = Images.BUSYBOX;
        vaina.run("import", TestImages.busyboxTarball().toString(), image).assertSuccess();
        try {
            vaina.run("run", "-d", "--network", "none", "--name", always, "--restart", "always", image, "sleep", "1000").assertSuccess();
            vaina.run("run", "-d", "--network", "none", "--name", unlessStopped, "--restart", "unless-stopped", image, "sleep", "1000")
                    .assertSuccess();
            vaina.run("run", "-d", "--network", "none", "--name", stoppedByUser, "--restart", "unless-stopped", image, "sleep", "1000")
                    .assertSuccess();
            vaina.run("run", "-d", "--network", "none", "--name", plain, image, "sleep", "1000").assertSuccess();
            vaina.run("stop", "-t", "0", stoppedByUser).assertSuccess();

            machine.reboot();

            assertEquals("active", vaina.systemctl("show", "-p", "ActiveState", "--value", "vaina-restart.service")
                    .stdout().strip(), "the boot unit ran");
            for (String name : new String[] {always, unlessStopped}) {
                Result ps = vaina.run("ps", "--filter", "name=^" + name + "$", "--format", "{{.Status}}").assertSuccess();
                assertTrue(ps.stdout().startsWith("Up "), name + ": " + ps.describe());
                assertEquals("active", vaina.systemctl("show", "-p", "ActiveState", "--value",
                        "container-" + name + ".service").stdout().strip(), name);
            }
            for (String name : new String[] {stoppedByUser, plain}) {
                Result ps = vaina.run("ps", "-a", "--filter", "name=^" + name + "$", "--format", "{{.Status}}")
                        .assertSuccess();
                assertTrue(ps.stdout().startsWith("Exited ("), name + ": " + ps.describe());
            }
            // The container that came back works as any other.
            assertEquals("back\n", vaina.run("exec", always, "echo", "back").assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", always, unlessStopped, stoppedByUser, plain);
        }
    }
}
