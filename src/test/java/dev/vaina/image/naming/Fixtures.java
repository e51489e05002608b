package dev.vaina.image.naming;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The registries.conf fixtures under src/test/resources/fixtures/naming. */
final class Fixtures {
    static final Path DIR = Path.of("src/test/resources/fixtures/naming");

    private Fixtures() {
    }

    static Path file(String name) {
        Path path = DIR.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("fixture " + path.toAbsolutePath() + " is missing");
        }
        return path;
    }

    static RegistriesConf load(String... names) {
        return RegistriesConf.load(Arrays.stream(names).map(Fixtures::file).toList());
    }

    static List<Path> files(String... names) {
        return Arrays.stream(names).map(Fixtures::file).toList();
    }
}
