package dev.vaina.image.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistriesConfCacheTest {
    @TempDir
    Path dir;

    private List<Path> copies(String... names) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        return java.util.Arrays.stream(names).map(name -> {
            try {
                return Files.copy(Fixtures.file(name), conf.resolve(name));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    /** Makes the cache say otherwise than the files, its key untouched: what then comes out came from the cache. */
    private static void tamper(Path cacheFile) throws IOException {
        Map<String, Object> json = JSON.std.mapFrom(Files.readString(cacheFile));
        json.put("search", List.of("cached.example.com"));
        Files.writeString(cacheFile, JSON.std.asString(json));
    }

    @Test
    void cachedConfiguration_equalsTheParsedOne_withRegistriesMirrorsAliasesAndWarnings() throws IOException {
        List<Path> files = copies("base.conf", "unknown-keys.conf");
        RegistriesConf parsed = RegistriesConf.load(files);
        assertFalse(parsed.warnings().isEmpty(), "the fixture should warn about unknown keys");
        assertFalse(parsed.aliases().isEmpty(), "the fixture should have aliases");

        RegistriesConfCache cache = new RegistriesConfCache(dir.resolve("cache.json"));
        assertEquals(parsed, cache.load(files));
        assertTrue(Files.isRegularFile(dir.resolve("cache.json")));
        assertEquals(parsed, cache.load(files));
    }

    @Test
    void secondLoad_readsTheCache_notTheFiles() throws IOException {
        List<Path> files = copies("base.conf");
        Path cacheFile = dir.resolve("cache.json");
        new RegistriesConfCache(cacheFile).load(files);
        tamper(cacheFile);
        RegistriesConf second = new RegistriesConfCache(cacheFile).load(files);
        assertEquals("cached.example.com", second.searchRegistries().get(0));
    }

    @Test
    void changedFile_addedFile_orBrokenCache_isParsedAgain() throws IOException {
        List<Path> files = copies("base.conf", "enforcing.conf");
        Path cacheFile = dir.resolve("cache.json");
        RegistriesConfCache cache = new RegistriesConfCache(cacheFile);
        cache.load(files.subList(0, 1));
        tamper(cacheFile);

        // Another list of files (a drop-in added) does not match the cache.
        assertEquals(RegistriesConf.load(files), cache.load(files));

        // An edited file does not either, even of the same size and modification time.
        cache.load(files.subList(0, 1));
        tamper(cacheFile);
        String text = Files.readString(files.get(0));
        FileTime before = Files.getLastModifiedTime(files.get(0));
        Files.writeString(files.get(0), text.replace("registry.example.com\", \"docker.io", "docker.io\", \"registry.example.com"));
        Files.setLastModifiedTime(files.get(0), before);
        RegistriesConf edited = cache.load(files.subList(0, 1));
        assertEquals(List.of("docker.io", "registry.example.com"), edited.searchRegistries());

        // A cache cut short is ignored and written again.
        Files.writeString(cacheFile, "{\"format\": 1, \"key\": ");
        assertEquals(RegistriesConf.load(files.subList(0, 1)), cache.load(files.subList(0, 1)));
        assertEquals(RegistriesConf.load(files.subList(0, 1)), cache.load(files.subList(0, 1)));
    }
}
