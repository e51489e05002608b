package dev.vaina.unit.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator writes, and where it looks: search-path priority, subdirectories, symbolic links. */
class GeneratorTest {
    @TempDir
    Path temp;

    private static final Tools TOOLS = Tools.under(Path.of("/usr/local"), true);

    @Test
    void write_unitsAndInstallLinksLandInTheOutputDirectory() throws IOException {
        Path defs = Files.createDirectories(temp.resolve("defs/sub"));
        Files.writeString(defs.resolve("app.container"), "[Container]\nImage=busybox\n[Install]\nWantedBy=default.target\n"
                + "Alias=web-app.service\n");
        Path out = temp.resolve("out");
        int failures = generate(List.of(temp.resolve("defs")), out, new ByteArrayOutputStream());
        assertEquals(0, failures);
        assertTrue(Files.readString(out.resolve("app.service")).contains("ExecStart=/usr/local/lib/vaina/vaina-launcher"));
        Path wants = out.resolve("default.target.wants/app.service");
        assertTrue(Files.isSymbolicLink(wants));
        assertEquals(Path.of("../app.service"), Files.readSymbolicLink(wants));
        assertEquals(Path.of("app.service"), Files.readSymbolicLink(out.resolve("web-app.service")));
        assertTrue(Files.exists(wants), "the link resolves to the unit");
    }

    @Test
    void searchPaths_anEarlierDirectoryHidesAFileOfTheSameName() throws IOException {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        Files.writeString(first.resolve("app.container"), "[Container]\nImage=from-first\n");
        Files.writeString(second.resolve("app.container"), "[Container]\nImage=from-second\n");
        Files.writeString(second.resolve("other.container"), "[Container]\nImage=other\n");
        Path out = temp.resolve("out");
        generate(List.of(first, second), out, new ByteArrayOutputStream());
        assertTrue(Files.readString(out.resolve("app.service")).contains(" from-first\n"));
        assertTrue(Files.exists(out.resolve("other.service")));
    }

    @Test
    void searchPaths_followSymbolicLinksAndSkipOtherUsersFolders() throws IOException {
        Path users = Files.createDirectories(temp.resolve("users"));
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.writeString(shared.resolve("linked.container"), "[Container]\nImage=busybox\n");
        Files.createSymbolicLink(users.resolve("team"), shared);
        Files.createDirectories(users.resolve("1234"));
        Files.writeString(users.resolve("1234/private.container"), "[Container]\nImage=busybox\n");
        Path out = temp.resolve("out");
        generate(List.of(users), out, new ByteArrayOutputStream());
        assertTrue(Files.exists(out.resolve("linked.service")));
        assertFalse(Files.exists(out.resolve("private.service")), "users/UID belongs to that user only");
    }

    @Test
    void badFile_isReportedAndTheOthersAreStillWritten() throws IOException {
        Path defs = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(defs.resolve("bad.container"), "[Container]\nImage=busybox\nPublishPort=80:80:80:80\n");
        Files.writeString(defs.resolve("good.container"), "[Container]\nImage=busybox\n");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Path out = temp.resolve("out");
        assertEquals(1, generate(List.of(defs), out, errors));
        String message = errors.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("vaina-generator: " + defs.resolve("bad.container") + ":3: [Container] PublishPort="),
                message);
        assertTrue(Files.exists(out.resolve("good.service")));
        assertFalse(Files.exists(out.resolve("bad.service")));
    }

    @Test
    void searchPaths_rootlessAndRootful() {
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", "/run/user/1000", "HOME", "/home/u");
        assertEquals(List.of(Path.of("/run/user/1000/vaina/systemd"), Path.of("/home/u/.config/vaina/systemd"),
                Path.of("/etc/vaina/systemd/users/1000"), Path.of("/etc/vaina/systemd/users")),
                SearchPaths.of(env, false, 1000));
        assertEquals(List.of(Path.of("/run/vaina/systemd"), Path.of("/etc/vaina/systemd"),
                Path.of("/usr/share/vaina/systemd")), SearchPaths.of(env, true, 0));
        assertEquals(List.of(Path.of("/a"), Path.of("/b")),
                SearchPaths.of(Map.of("VAINA_DEFINITION_DIRS", "/a:/b"), false, 1000));
    }

    /** Output to the unit's own: the container's init becomes the main process, and systemd stops it with StopSignal=. */
    @Test
    void passthroughContainer_isStoppedWithItsStopSignal() throws IOException {
        Path defs = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(defs.resolve("through.container"), "[Container]\nImage=busybox\nLogDriver=passthrough\n"
                + "StopSignal=quit\n");
        Files.writeString(defs.resolve("logged.container"), "[Container]\nImage=busybox\nStopSignal=SIGQUIT\n");
        Files.writeString(defs.resolve("default.container"), "[Container]\nImage=busybox\nLogDriver=journald\n");
        Path out = temp.resolve("out");
        assertEquals(0, generate(List.of(defs), out, new ByteArrayOutputStream()));
        assertTrue(Files.readString(out.resolve("through.service")).contains("\nKillSignal=SIGQUIT\n"));
        // The monitor stays, and turns systemd's SIGTERM into the stop signal.
        assertFalse(Files.readString(out.resolve("logged.service")).contains("KillSignal="));
        assertFalse(Files.readString(out.resolve("default.service")).contains("KillSignal="));
    }

    private static int generate(List<Path> roots, Path out, ByteArrayOutputStream errors) throws IOException {
        DefinitionSet all = DefinitionSet.load(DefinitionSources.scan(roots));
        return Generator.generate(all, TOOLS, out, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
    }
}
