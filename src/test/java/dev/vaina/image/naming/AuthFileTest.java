package dev.vaina.image.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthFileTest {
    @TempDir
    Path dir;

    @Test
    void storeThenFind_roundTrip() throws IOException {
        AuthFile auth = new AuthFile(dir.resolve("containers/auth.json"), List.of());
        auth.store("127.0.0.1:5000", "alice", "pa:ss wörd");
        assertEquals(Optional.of(new AuthEntry("alice", "pa:ss wörd")), auth.find("127.0.0.1:5000"));
        assertEquals(Optional.empty(), auth.find("127.0.0.1:5001"));
        Map<String, Object> json = JSON.std.mapFrom(Files.readString(auth.path()));
        Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) json.get("auths")).get("127.0.0.1:5000");
        assertEquals(Base64.getEncoder().encodeToString("alice:pa:ss wörd".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                entry.get("auth"));
    }

    @Test
    void store_fileIsMode0600AndNewDirectory0700() throws IOException {
        AuthFile auth = new AuthFile(dir.resolve("new/auth.json"), List.of());
        auth.store("registry.example.com", "alice", "secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.path().getParent())));
        // an existing, too open file is tightened by the rewrite
        Files.setPosixFilePermissions(auth.path(), PosixFilePermissions.fromString("rw-r--r--"));
        auth.store("registry.example.com", "alice", "other");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.path())));
        try (var files = Files.list(auth.path().getParent())) {
            assertEquals(List.of(auth.path()), files.toList(), "no temp file is left behind");
        }
    }

    @Test
    void store_replacesEntryAndKeepsUnknownKeysAndOtherEntries() throws IOException {
        Path file = copyFixture("docker-config.json");
        AuthFile auth = new AuthFile(file, List.of());
        auth.store("registry.example.com", "alice", "secret");
        auth.store("registry.example.com", "alice", "changed");

        Map<String, Object> json = JSON.std.mapFrom(Files.readString(file));
        Map<String, Object> original = JSON.std.mapFrom(Files.readString(Fixtures.file("docker-config.json")));
        assertEquals(original.get("credsStore"), json.get("credsStore"));
        assertEquals(original.get("HttpHeaders"), json.get("HttpHeaders"));
        assertEquals(original.get("psFormat"), json.get("psFormat"));
        Map<?, ?> auths = (Map<?, ?>) json.get("auths");
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) original.get("auths")).entrySet()) {
            assertEquals(entry.getValue(), auths.get(entry.getKey()), "entry " + entry.getKey());
        }
        assertEquals(Optional.of(new AuthEntry("alice", "changed")), auth.find("registry.example.com"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "docker.io             | hub-user",
        "index.docker.io       | hub-user",
        "registry-1.docker.io  | hub-user",
        "legacy.example.com    | legacy",
        "plain.example.com     | plain",
        "quay.io               | none",
        "helper.example.com    | none",
        "unknown.example.com   | none",
    })
    void find_readsDockersLegacyKeys(String host, String user) throws IOException {
        AuthFile auth = new AuthFile(Fixtures.file("docker-config.json"), List.of());
        assertEquals(Optional.ofNullable(user), auth.find(host).map(AuthEntry::username));
    }

    @Test
    void remove_dropsLegacySpellingsTooAndKeepsTheRest() throws IOException {
        Path file = copyFixture("docker-config.json");
        AuthFile auth = new AuthFile(file, List.of());
        auth.store("docker.io", "new-user", "new-pass");
        assertEquals("new-user", auth.find("docker.io").orElseThrow().username(), "the exact key is found first");
        assertTrue(auth.remove("docker.io"));
        assertEquals(Optional.empty(), auth.find("docker.io"));
        assertFalse(auth.remove("docker.io"));
        assertEquals("legacy", auth.find("legacy.example.com").orElseThrow().username());
        assertEquals("desktop", JSON.std.mapFrom(Files.readString(file)).get("credsStore"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void remove_withoutFileIsFalseAndCreatesNothing() throws IOException {
        AuthFile auth = new AuthFile(dir.resolve("auth.json"), List.of());
        assertFalse(auth.remove("registry.example.com"));
        assertFalse(Files.exists(auth.path()));
    }

    @Test
    void removeAll_emptiesAuthsAndKeepsOtherKeys() throws IOException {
        Path file = copyFixture("docker-config.json");
        new AuthFile(file, List.of()).removeAll();
        Map<String, Object> json = JSON.std.mapFrom(Files.readString(file));
        assertEquals(Map.of(), json.get("auths"));
        assertEquals("desktop", json.get("credsStore"));
    }

    @Test
    void find_fallsBackToDockerConfigAfterOwnFile() throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".docker"));
        Files.copy(Fixtures.file("docker-config.json"), home.resolve(".docker/config.json"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        AuthFile auth = AuthFile.forUser(Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", runtime.toString()), 1000, null);
        assertEquals(List.of(home.resolve(".config/containers/auth.json"), home.resolve(".docker/config.json")),
                auth.fallbacks());
        assertEquals("hub-user", auth.find("docker.io").orElseThrow().username());
        assertEquals(Optional.of(home.resolve(".docker/config.json")), auth.fallbackHolding("docker.io"));
        auth.store("docker.io", "mine", "pw");
        assertEquals("mine", auth.find("docker.io").orElseThrow().username());
        assertEquals(runtime.resolve("containers/auth.json"), auth.path());
        assertFalse(auth.findOwn("legacy.example.com").isPresent());
    }

    @Test
    void find_dockerConfigVariableReplacesHomeDocker() throws IOException {
        Path dockerConfig = Files.createDirectories(dir.resolve("dockercfg"));
        Files.copy(Fixtures.file("docker-config.json"), dockerConfig.resolve("config.json"));
        Path configHome = dir.resolve("xdg");
        AuthFile auth = AuthFile.forUser(Map.of("HOME", dir.resolve("nohome").toString(),
                "XDG_CONFIG_HOME", configHome.toString(), "DOCKER_CONFIG", dockerConfig.toString(),
                "XDG_RUNTIME_DIR", dir.toString()), 1000, null);
        assertEquals(List.of(configHome.resolve("containers/auth.json"), dockerConfig.resolve("config.json")),
                auth.fallbacks());
        assertEquals("legacy", auth.find("legacy.example.com").orElseThrow().username());
    }

    @Test
    void defaultPath_isPodmans() {
        assertEquals(Path.of("/run/user/1000/containers/auth.json"),
                AuthFile.defaultPath(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), 1000));
        assertEquals(Path.of("/run/containers/0/auth.json"), AuthFile.defaultPath(Map.of(), 0));
        assertEquals(Path.of("/run/containers/1000/auth.json"), AuthFile.defaultPath(Map.of("XDG_RUNTIME_DIR", ""), 1000));
    }

    @Test
    void forUser_authfileOptionThenEnvironment_eachWithoutFallbacks() {
        Map<String, String> env = Map.of("REGISTRY_AUTH_FILE", "/tmp/env-auth.json", "HOME", "/home/u");
        AuthFile option = AuthFile.forUser(env, 1000, Path.of("/tmp/option.json"));
        assertEquals(Path.of("/tmp/option.json"), option.path());
        assertEquals(List.of(), option.fallbacks());
        AuthFile fromEnv = AuthFile.forUser(env, 1000, null);
        assertEquals(Path.of("/tmp/env-auth.json"), fromEnv.path());
        assertEquals(List.of(), fromEnv.fallbacks());
    }

    @Test
    void store_missingRuntimeDirectoryFailsLikePodman() {
        String missing = dir.resolve("no-such-runtime-dir").toString();
        AuthFile auth = AuthFile.forUser(Map.of("XDG_RUNTIME_DIR", missing), 1000, null);
        IOException e = assertThrows(IOException.class, () -> auth.store("registry.example.com", "a", "b"));
        assertTrue(e.getMessage().contains("directory set by $XDG_RUNTIME_DIR does not exist"), e.getMessage());
        assertFalse(Files.exists(Path.of(missing)));
    }

    @Test
    void find_badBase64NamesFileAndKey() throws IOException {
        Path file = dir.resolve("auth.json");
        Files.writeString(file, "{\"auths\": {\"registry.example.com\": {\"auth\": \"***\"}}}");
        IOException e = assertThrows(IOException.class, () -> new AuthFile(file, List.of()).find("registry.example.com"));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("registry.example.com"),
                e.getMessage());
    }

    @Test
    void find_badJsonNamesFile() throws IOException {
        Path file = dir.resolve("auth.json");
        Files.writeString(file, "{\"auths\": ");
        IOException e = assertThrows(IOException.class, () -> new AuthFile(file, List.of()).find("x.example.com"));
        assertTrue(e.getMessage().startsWith("Tried to read registry credentials from " + file), e.getMessage());
    }

    @Test
    void store_rejectsUserNameWithColon() {
        AuthFile auth = new AuthFile(dir.resolve("auth.json"), List.of());
        assertThrows(IllegalArgumentException.class, () -> auth.store("registry.example.com", "a:b", "c"));
    }

    @Test
    void authEntry_toStringHidesPassword() {
        assertFalse(new AuthEntry("alice", "s3cret").toString().contains("s3cret"));
    }

    private Path copyFixture(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.copy(Fixtures.file(name), copy);
        return copy;
    }
}
