package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Interactive;
import dev.vaina.it.support.VainaCli;
import java.time.Duration;

/** `run -it`: a real terminal, through the monitor's attach socket. */
class InteractiveTest {

    @EachMode
    void interactiveShell_worksAndReturnsItsExitCode(VainaCli vaina) {
        try (Interactive shell = vaina.startInteractive("run", "-it", "--rm", Images.busybox(vaina), "sh")) {
            shell.send("echo $((6*7))\n");
            shell.expect("42", Duration.ofSeconds(20));
            shell.send("stty size; exit 5\n");
            assertEquals(5, shell.waitFor(Duration.ofSeconds(20)), shell::output);
        }
    }

    @EachMode
    void detachedTty_keepsRunning(VainaCli vaina) {
        String name = "tty-" + vaina.mode();
        vaina.run("run", "-dt", "--name", name, Images.busybox(vaina), "top").assertSuccess();
        try {
            vaina.run("ps", "--filter", "name=" + name, "-q").assertSuccess();
            assertEquals("running", DetachedTest.field(vaina.run("inspect", name).assertSuccess().stdout(), "Status"));
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
    }
}
