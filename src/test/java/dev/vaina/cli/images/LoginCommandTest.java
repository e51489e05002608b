package dev.vaina.cli.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.Main;
import dev.vaina.image.naming.AuthEntry;
import dev.vaina.image.naming.AuthFile;
import dev.vaina.image.naming.CredentialCheck;
import dev.vaina.it.registry.TestRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * login and logout run through picocli as `vaina` runs them, against a real registry with basic auth; the
 * credentials are checked by {@link RegistryLogin#check}, vaina's own check through the registry client.
 */
class LoginCommandTest {
    private static TestRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() {
        registry = TestRegistry.builder().htpasswd("alice", "s3cret").start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    /** {@link RegistryLogin#check}, counting its calls and remembering what the command asked it. */
    static final class RecordingCheck implements CredentialCheck {
        int calls;
        boolean lastTlsVerify;

        @Override
        public void check(String registryHost, boolean tlsVerify, String user, String password) throws IOException {
            calls++;
            lastTlsVerify = tlsVerify;
            RegistryLogin.check(registryHost, tlsVerify, user, password);
        }
    }

    private Run vaina(CredentialCheck check, String stdin, String... args) {
        InputStream input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return vainaWith(new LoginCommand(check, input, null), args);
    }

    /** `vaina` as installed: VainaCommand's own login verb, with its own credential check. */
    private Run vainaAsInstalled(String... args) {
        return vainaWith(null, args);
    }

    /** `vaina` with VainaCommand's verbs, its login verb replaced by {@code login} unless that is null. */
    private Run vainaWith(LoginCommand login, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return login != null && type == LoginCommand.class ? type.cast(login)
                        : CommandLine.defaultFactory().create(type);
            }
        };
        List<String> all = new ArrayList<>(List.of("--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("run").toString()));
        all.addAll(List.of(args));
        CommandLine commandLine = Main.commandLine(factory, all.toArray(String[]::new));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Path authfile() {
        return dir.resolve("auth.json");
    }

    @Test
    void login_goodCredentials_checkedWithRegistryThenStored() throws IOException {
        RecordingCheck check = new RecordingCheck();
        Run run = vaina(check, "s3cret\n", "login", "--tls-verify=false", "-u", "alice", "--password-stdin",
                "--authfile", authfile().toString(), registry.host());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Login Succeeded!\n", run.out());
        assertEquals(1, check.calls);
        assertFalse(check.lastTlsVerify);
        assertEquals(Optional.of(new AuthEntry("alice", "s3cret")),
                new AuthFile(authfile(), List.of()).find(registry.host()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authfile())));
    }

    @Test
    void login_asInstalled_isCheckedByTheRegistryClient() throws IOException {
        Run bad = vainaAsInstalled("login", "--tls-verify=false", "-u", "alice", "-p", "wrong",
                "--authfile", authfile().toString(), registry.host());
        assertEquals(ExitCodes.ENGINE, bad.exitCode());
        assertTrue(bad.err().contains("invalid username/password"), bad.err());
        assertFalse(Files.exists(authfile()));
        Run good = vainaAsInstalled("login", "--tls-verify=false", "-u", "alice", "-p", "s3cret",
                "--authfile", authfile().toString(), registry.host());
        assertEquals(0, good.exitCode(), good.err());
        assertEquals(Optional.of(new AuthEntry("alice", "s3cret")),
                new AuthFile(authfile(), List.of()).find(registry.host()));
    }

    @Test
    void login_badPassword_failsAndStoresNothing() {
        RecordingCheck check = new RecordingCheck();
        Run run = vaina(check, "", "login", "--tls-verify=false", "-u", "alice", "-p", "wrong",
                "--authfile", authfile().toString(), registry.host());
        assertEquals(ExitCodes.ENGINE, run.exitCode());
        assertTrue(run.err().contains("logging into \"" + registry.host() + "\"")
                && run.err().contains("invalid username/password"), run.err());
        assertFalse(Files.exists(authfile()));
    }

    @Test
    void login_tlsVerifyByDefault() {
        RecordingCheck check = new RecordingCheck();
        Run run = vaina(check, "", "login", "-u", "alice", "-p", "s3cret", "--authfile", authfile().toString(),
                registry.host());
        assertTrue(check.lastTlsVerify, "without --tls-verify and without an insecure registries.conf entry");
        assertEquals(ExitCodes.ENGINE, run.exitCode(), "the registry speaks plain HTTP only");
        assertFalse(Files.exists(authfile()));
    }

    @Test
    void login_withoutTerminalOrUserName_failsClearly() {
        Run run = vaina(new RecordingCheck(), "", "login", "--authfile", authfile().toString(), registry.host());
        assertEquals(ExitCodes.ENGINE, run.exitCode());
        assertTrue(run.err().contains("no terminal to ask for the user name: give it with --username"), run.err());
    }

    @Test
    void login_withoutTerminalOrPassword_failsClearly() {
        Run run = vaina(new RecordingCheck(), "", "login", "-u", "alice", "--authfile", authfile().toString(),
                registry.host());
        assertTrue(run.err().contains("no terminal to ask for the password"), run.err());
    }

    @Test
    void login_passwordStdinConflicts() {
        Run both = vaina(new RecordingCheck(), "x", "login", "-u", "a", "-p", "b", "--password-stdin",
                "--authfile", authfile().toString(), registry.host());
        assertTrue(both.err().contains("can't specify both --password-stdin and --password"), both.err());
        Run noUser = vaina(new RecordingCheck(), "x", "login", "--password-stdin", "--authfile", authfile().toString(),
                registry.host());
        assertTrue(noUser.err().contains("must provide --username with --password-stdin"), noUser.err());
    }

    @Test
    void login_getLogin_printsStoredUser() throws IOException {
        Run none = vaina(null, "", "login", "--get-login", "--authfile", authfile().toString(), registry.host());
        assertEquals(ExitCodes.ENGINE, none.exitCode());
        assertTrue(none.err().contains("not logged into " + registry.host()), none.err());
        new AuthFile(authfile(), List.of()).store(registry.host(), "alice", "s3cret");
        Run run = vaina(null, "", "login", "--get-login", "--authfile", authfile().toString(), registry.host());
        assertEquals("alice\n", run.out());
    }

    @Test
    void logout_removesThenSaysNotLoggedIn() throws IOException {
        AuthFile auth = new AuthFile(authfile(), List.of());
        auth.store(registry.host(), "alice", "s3cret");
        auth.store("other.example.com", "bob", "pw");
        Run run = vaina(null, "", "logout", "--authfile", authfile().toString(), "http://" + registry.host() + "/");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Removed login credentials for " + registry.host() + "\n", run.out());
        assertEquals(Optional.empty(), auth.find(registry.host()));
        assertEquals("bob", auth.find("other.example.com").orElseThrow().username());

        Run again = vaina(null, "", "logout", "--authfile", authfile().toString(), registry.host());
        assertEquals(ExitCodes.ENGINE, again.exitCode());
        assertEquals("Error: not logged into " + registry.host() + "\n", again.err());
    }

    @Test
    void logout_all() throws IOException {
        AuthFile auth = new AuthFile(authfile(), List.of());
        auth.store("one.example.com", "a", "b");
        auth.store("two.example.com", "c", "d");
        Run run = vaina(null, "", "logout", "--all", "--authfile", authfile().toString());
        assertEquals("Removed login credentials for all registries\n", run.out());
        assertEquals(Optional.empty(), auth.find("one.example.com"));
        assertEquals(Optional.empty(), auth.find("two.example.com"));
    }

    @Test
    void registryArgument_repositoryIsRefused() {
        Run run = vaina(null, "", "logout", "--authfile", authfile().toString(), "quay.io/org/repo");
        assertEquals(ExitCodes.ENGINE, run.exitCode());
        assertTrue(run.err().contains("names a repository"), run.err());
    }
}
