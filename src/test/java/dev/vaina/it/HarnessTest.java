package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Interactive;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks that the test harness itself works: managers answer, users and images are usable. */
class HarnessTest {

    @EachMode
    void systemdUserManagerAnswers(VainaCli vaina) {
        Result state = vaina.systemctl("is-system-running");
        assertTrue(Set.of("running", "degraded").contains(state.stdout().strip()), state::describe);
    }

    @EachMode
    void commandsRunAsTheModesUser(VainaCli vaina) {
        Result id = vaina.exec(List.of("id", "-un")).assertSuccess();
        assertEquals(vaina.mode() == Mode.ROOTFUL ? "root" : vaina.user(), id.stdout().strip(), id::describe);
    }

    @EachMode
    void installedWrapperStartsTheCli(VainaCli vaina) {
        vaina.run("--help").assertSuccess();
    }

    @EachMode
    void busyboxImageIsReadableByTheModesUser(VainaCli vaina) {
        Path tarball = TestImages.busyboxTarball();
        Result list = vaina.exec(List.of("tar", "-tvf", tarball.toString())).assertSuccess();
        assertTrue(list.stdout().contains("bin/busybox"), list::describe);
        assertTrue(list.stdout().contains("bin/sh -> busybox"), list::describe);
        assertTrue(list.stdout().contains("1000/1000") && list.stdout().contains("home/app/"), list::describe);
    }

    @EachMode
    void interactiveCommandsGetATerminal(VainaCli vaina) {
        try (Interactive shell = vaina.startInteractiveCommand(List.of("sh", "-c", "tty; read line; echo got:$line"))) {
            shell.expect("/dev/pts/", Duration.ofSeconds(10));
            shell.send("hello\n");
            shell.expect("got:hello", Duration.ofSeconds(10));
            assertEquals(0, shell.waitFor(Duration.ofSeconds(10)), shell::output);
        }
    }

    @Test
    void testUserHasSubordinateIdRanges() throws IOException {
        VainaCli rootless = VainaCli.forMode(Mode.ROOTLESS);
        String user = rootless.user();
        for (Path file : List.of(Path.of("/etc/subuid"), Path.of("/etc/subgid"))) {
            long ids = Files.readAllLines(file).stream()
                    .map(line -> line.split(":"))
                    .filter(fields -> fields.length == 3 && fields[0].equals(user))
                    .mapToLong(fields -> Long.parseLong(fields[2]))
                    .sum();
            assertTrue(ids >= 65536, file + " gives " + user + " " + ids + " ids; rootless containers need 65536");
        }
    }
}
