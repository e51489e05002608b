package dev.vaina.unit.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each folder under fixtures/definitions holds definition files (with drop-ins, templates, broken files) and,
 * beside them, generated.txt (every unit and link, as --dryrun prints them) and errors.txt (what the generator
 * reports). The folder's path reads @DIR@ in both. -Dgolden.update=true rewrites them, to be reviewed in the diff.
 * The folder "system" is generated for the system manager, the others for a user's.
 */
class GeneratorGoldenTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/definitions");
    static final Tools TOOLS = Tools.under(Path.of("/usr/local"), true, true);
    static final Tools SYSTEM_TOOLS = Tools.under(Path.of("/usr/local"), false);

    @ParameterizedTest
    @ValueSource(strings = {"pod", "dropins", "templates", "install", "errors", "system"})
    void generated_matchesTheGoldenFiles(String folder) throws IOException {
        Path dir = FIXTURES.resolve(folder).toAbsolutePath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DefinitionSet all = DefinitionSet.load(DefinitionSources.scan(List.of(dir)));
        int failures = Generator.generate(all, folder.equals("system") ? SYSTEM_TOOLS : TOOLS, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String generated = out.toString(StandardCharsets.UTF_8).replace(dir.toString(), "@DIR@");
        String errors = err.toString(StandardCharsets.UTF_8).replace(dir.toString(), "@DIR@");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(dir.resolve("generated.txt"), generated);
            Files.writeString(dir.resolve("errors.txt"), errors);
        }
        assertEquals(Files.readString(dir.resolve("generated.txt")), generated);
        assertEquals(Files.readString(dir.resolve("errors.txt")), errors);
        assertEquals(errors.lines().count(), failures);
    }
}
