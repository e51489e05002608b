package dev.vaina.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.VainaConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliParsingTest {
    @TempDir
    Path dir;

    @Test
    void entrypoint_plainCommandOrJsonArray() {
        assertEquals(List.of("/bin/sh"), EntrypointParser.parse("/bin/sh"));
        assertEquals(List.of("sh", "-c"), EntrypointParser.parse("[\"sh\", \"-c\"]"));
        assertEquals(List.of(), EntrypointParser.parse(""));
        assertThrows(InvalidSpecException.class, () -> EntrypointParser.parse("[1, 2]"));
        assertThrows(InvalidSpecException.class, () -> EntrypointParser.parse("[\"unterminated"));
    }

    @Test
    void settings_readsEngineKeys_laterFilesWin() throws Exception {
        Path file = dir.resolve("vaina.conf");
        Files.writeString(file, "[engine]\nsystemd = \"user\"\nruntime = \"crun\"\nrootless_network = \"slirp4netns\"\n");
        VainaConf settings = VainaConf.parse(file);
        assertEquals(new VainaConf("user", "crun", "slirp4netns"), settings);
        assertEquals(new VainaConf("system", "crun", "pasta"),
                settings.overriddenBy(new VainaConf("system", null, "pasta")));
        assertNull(VainaConf.parse(write("# nothing\n")).systemd());
    }

    @Test
    void settings_badFilesNameTheFileAndKey() throws Exception {
        InvalidSpecException unknownKey = assertThrows(InvalidSpecException.class,
                () -> VainaConf.parse(write("[engine]\nmanager = \"user\"\n")));
        assertTrue(unknownKey.getMessage().contains("\"manager\"") && unknownKey.getMessage().contains("vaina.conf"));
        InvalidSpecException badValue = assertThrows(InvalidSpecException.class,
                () -> VainaConf.parse(write("[engine]\nruntime = \"kata\"\n")));
        assertTrue(badValue.getMessage().contains("runc"), badValue.getMessage());
        InvalidSpecException badHelper = assertThrows(InvalidSpecException.class,
                () -> VainaConf.parse(write("[engine]\nrootless_network = \"vpnkit\"\n")));
        assertTrue(badHelper.getMessage().contains("pasta") && badHelper.getMessage().contains("slirp4netns"),
                badHelper.getMessage());
        assertThrows(InvalidSpecException.class, () -> VainaConf.parse(write("[engine\n")));
        assertThrows(InvalidSpecException.class, () -> VainaConf.parse(write("[network]\n")));
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("vaina.conf");
        Files.writeString(file, text);
        return file;
    }
}
