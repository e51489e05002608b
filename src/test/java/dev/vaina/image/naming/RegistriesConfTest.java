package dev.vaina.image.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistriesConfTest {

    @Test
    void base_searchRegistriesModeAndOrigin() {
        RegistriesConf conf = Fixtures.load("base.conf");
        assertEquals(List.of("registry.example.com", "docker.io"), conf.searchRegistries());
        assertEquals(ShortNameMode.PERMISSIVE, conf.shortNameMode());
        assertEquals(Fixtures.file("base.conf").toString(), conf.searchOrigin());
        assertEquals(List.of(), conf.warnings());
    }

    @Test
    void noFiles_defaultsToPermissiveWithoutSearchRegistries() {
        RegistriesConf conf = RegistriesConf.load(List.of());
        assertEquals(List.of(), conf.searchRegistries());
        assertEquals(ShortNameMode.PERMISSIVE, conf.shortNameMode());
    }

    @Test
    void mirrors_keepOrderInsecureAndPullFromMirror() {
        Registry hub = Fixtures.load("base.conf").registryFor("docker.io").orElseThrow();
        assertEquals(List.of(
                new Mirror("mirror.local:5000", true, PullFromMirror.ALL),
                new Mirror("digests.mirror.local", false, PullFromMirror.DIGEST_ONLY),
                new Mirror("tags.mirror.local/hub", false, PullFromMirror.TAG_ONLY)), hub.mirrors());
        assertEquals(List.of("mirror.local:5000", "tags.mirror.local/hub"),
                hub.mirrorsFor(false).stream().map(Mirror::location).toList());
        assertEquals(List.of("mirror.local:5000", "digests.mirror.local"),
                hub.mirrorsFor(true).stream().map(Mirror::location).toList());
    }

    @Test
    void mirrorByDigestOnly_usesMirrorsOnlyForDigests() {
        Registry quay = Fixtures.load("base.conf").registryFor("quay.io/tools/kit").orElseThrow();
        assertTrue(quay.mirrorByDigestOnly());
        assertEquals(List.of(), quay.mirrorsFor(false));
        assertEquals(List.of("quay-mirror.local"), quay.mirrorsFor(true).stream().map(Mirror::location).toList());
    }

    @Test
    void registryWithoutPrefix_usesLocationAsPrefix() {
        Registry registry = Fixtures.load("base.conf").registryFor("registry.example.com/other:1").orElseThrow();
        assertEquals("registry.example.com", registry.prefix());
        assertFalse(registry.insecure());
    }

    @Test
    void blockedAndInsecureFlags() {
        RegistriesConf conf = Fixtures.load("base.conf");
        assertTrue(conf.registryFor("blocked.example.com/x").orElseThrow().blocked());
        assertTrue(conf.isInsecure("registry.example.com/team"));
        assertTrue(conf.isInsecure("build.corp.example"));
        assertFalse(conf.isInsecure("registry.example.com"));
        assertFalse(conf.isInsecure("elsewhere.example.org"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "docker.io/library/busybox:latest        | docker.io",
        "registry.example.com/team/app:1         | registry.example.com/team",
        "registry.example.com/team:1             | registry.example.com/team",
        "registry.example.com/teamwork/app:1     | registry.example.com",
        "registry.example.com/other@sha256:00    | registry.example.com",
        "registry.example.com                    | registry.example.com",
        "registry.example.comx/app               | none",
        "build.corp.example/app:1                | *.corp.example",
        "a.b.corp.example:5000/app               | *.corp.example",
        "corp.example/app                        | none",
        "build.corp.examplex/app                 | none",
        "other.example/x/build.corp.example/app  | none",
        "quay.io/tools/kit                       | quay.io",
    })
    void prefixMatch_longestWinsAtBoundaries(String reference, String expectedPrefix) {
        Optional<Registry> match = Fixtures.load("base.conf").registryFor(reference);
        assertEquals(Optional.ofNullable(expectedPrefix), match.map(Registry::prefix));
    }

    @ParameterizedTest(name = "{0} with prefix {1} matches {2} characters")
    @CsvSource(delimiter = '|', value = {
        "example.com/foo        | example.com       | 11",
        "example.com:5000/foo   | example.com       | 11",
        "example.com@sha256:ab  | example.com       | 11",
        "example.com            | example.com       | 11",
        "example.community/foo  | example.com       | -1",
        "example.co             | example.com       | -1",
        "example.com/foo/bar    | example.com/foo   | 15",
        "example.com/foobar     | example.com/foo   | -1",
        "a.example.com/foo      | *.example.com     | 13",
        "example.com/foo        | *.example.com     | -1",
        "x.y.example.com:5000/a | *.example.com     | 15",
        "a.example.community/x  | *.example.com     | -1",
    })
    void matchLength_followsTheManPage(String reference, String prefix, int length) {
        assertEquals(length, Registry.matchLength(reference, prefix));
    }

    @Test
    void aliases_areNormalizedFullyQualifiedNames() {
        Map<String, Alias> aliases = Fixtures.load("base.conf").aliases();
        assertEquals("registry.example.com/apps/myapp", aliases.get("myapp").target().toString());
        assertEquals("docker.io/library/one", aliases.get("hub-one").target().toString());
        assertEquals("quay.io/tools/kit", aliases.get("tools/kit").target().toString());
        assertEquals(Fixtures.file("base.conf").toString(), aliases.get("myapp").origin());
    }

    @Test
    void laterFile_overridesKeyByKey() {
        RegistriesConf conf = Fixtures.load("base.conf", "override.conf");
        assertEquals(List.of("quay.io"), conf.searchRegistries());
        assertEquals(Fixtures.file("override.conf").toString(), conf.searchOrigin());
        // not set by override.conf: kept from base.conf
        assertEquals(ShortNameMode.PERMISSIVE, conf.shortNameMode());
        // same prefix: replaced as a whole
        Registry replaced = conf.registryFor("registry.example.com/other").orElseThrow();
        assertTrue(replaced.insecure());
        assertEquals(Fixtures.file("override.conf"), replaced.origin());
        // other prefixes: kept
        assertEquals("internal.example.com:5000/team-images",
                conf.registryFor("registry.example.com/team/app").orElseThrow().location());
        assertEquals(3, conf.registryFor("docker.io").orElseThrow().mirrors().size());
        // aliases: overridden one by one, "" resets
        assertEquals("quay.io/other/myapp", conf.aliases().get("myapp").target().toString());
        assertFalse(conf.aliases().containsKey("hub-one"));
        assertEquals("quay.io/tools/kit", conf.aliases().get("tools/kit").target().toString());
    }

    @Test
    void laterFile_setsShortNameMode() {
        assertEquals(ShortNameMode.ENFORCING, Fixtures.load("base.conf", "enforcing.conf").shortNameMode());
        assertEquals(ShortNameMode.PERMISSIVE, Fixtures.load("enforcing.conf", "base.conf").shortNameMode());
    }

    @Test
    void laterFile_emptySearchListClearsEarlierOne() {
        assertEquals(List.of(), Fixtures.load("base.conf", "empty-search.conf").searchRegistries());
    }

    @Test
    void unknownKeys_areWarnedAboutAndIgnored() {
        RegistriesConf conf = Fixtures.load("unknown-keys.conf");
        String file = Fixtures.file("unknown-keys.conf").toString();
        assertEquals(List.of(
                "unknown key colour in " + file + " is ignored",
                "unknown key registry[1].speed in " + file + " is ignored",
                "unknown key registry[1].mirror[1].weight in " + file + " is ignored"), conf.warnings());
        assertEquals(List.of("docker.io"), conf.searchRegistries());
        assertEquals("mirror.local", conf.registryFor("docker.io").orElseThrow().mirrors().get(0).location());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-toml.conf              | invalid TOML in                         | (line 2)",
        "bad-insecure-type.conf     | key registry[1].insecure:            | must be true or false",
        "bad-short-name-mode.conf   | key short-name-mode:                 | invalid short-name mode: \"strict\"",
        "bad-pull-from-mirror.conf  | key registry[1].mirror[1].pull-from-mirror: | \"sometimes\"",
        "bad-location-scheme.conf   | key registry[1].location:            | URI schemes are not supported",
        "bad-location-unset.conf    | key registry[1].location:            | *.example.com",
        "bad-alias-target.conf      | key aliases.tool                | must be a fully qualified name",
        "bad-search-entry.conf      | key unqualified-search-registries:   | \"not a host\"",
        "bad-version1.conf          | version 1 format                        | unqualified-search-registries",
    })
    void badFile_failsNamingFileAndKey(String fixture, String keyPart, String problemPart) {
        Path file = Fixtures.file(fixture);
        RegistriesConfException e = assertThrows(RegistriesConfException.class,
                () -> RegistriesConf.load(List.of(Fixtures.file("base.conf"), file)));
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains(keyPart.strip()), message);
        assertTrue(message.contains(problemPart.strip()), message);
    }

    @Test
    void badValue_messageCarriesTheLine() {
        RegistriesConfException e = assertThrows(RegistriesConfException.class,
                () -> Fixtures.load("bad-insecure-type.conf"));
        assertTrue(e.getMessage().contains("(line 3)"), e.getMessage());
    }

    @Test
    void defaultFiles_systemThenDropInsSortedThenVainaThenUser(@TempDir Path root) throws IOException {
        Path system = write(root.resolve("etc/containers/registries.conf"));
        Path dropInB = write(root.resolve("etc/containers/registries.conf.d/b.conf"));
        Path dropInA = write(root.resolve("etc/containers/registries.conf.d/a.conf"));
        write(root.resolve("etc/containers/registries.conf.d/notes.txt"));
        Path vaina = write(root.resolve("etc/vaina/registries.conf"));
        Path user = write(root.resolve("home/u/.config/vaina/registries.conf"));
        Map<String, String> env = Map.of("HOME", root.resolve("home/u").toString());

        assertEquals(List.of(system, dropInA, dropInB, vaina, user), RegistriesConf.defaultFiles(root, env, true));
        assertEquals(List.of(system, dropInA, dropInB, vaina), RegistriesConf.defaultFiles(root, env, false));
        Path xdg = write(root.resolve("xdg/vaina/registries.conf"));
        Map<String, String> withXdg = Map.of("HOME", root.resolve("home/u").toString(),
                "XDG_CONFIG_HOME", root.resolve("xdg").toString());
        assertEquals(xdg, RegistriesConf.defaultFiles(root, withXdg, true).get(4));
    }

    @Test
    void defaultFiles_missingOnesAreLeftOut(@TempDir Path root) throws IOException {
        assertEquals(List.of(), RegistriesConf.defaultFiles(root, Map.of(), true));
    }

    /** Podman (and containers-common) are installed on the build machines: their real files must parse. */
    @Test
    void thisMachinesRealConfiguration_parses() throws IOException {
        Path system = Path.of("/etc/containers/registries.conf");
        assertTrue(Files.isRegularFile(system), system + " is missing: install podman (containers-common) to run this test");
        List<Path> files = RegistriesConf.defaultFiles(Map.of(), false);
        assertEquals(system, files.get(0));
        RegistriesConf conf = RegistriesConf.load(files);
        assertEquals(files, conf.files());
        if (Files.exists(Path.of("/etc/containers/registries.conf.d/shortnames.conf"))) {
            assertEquals("docker.io/library/alpine", conf.aliases().get("alpine").target().toString());
        }
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# empty\n");
        return file;
    }
}
