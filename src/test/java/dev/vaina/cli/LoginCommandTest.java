package dev.vaina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.image.naming.AuthEntry;
import dev.vaina.image.naming.AuthFile;
import dev.vaina.image.naming.CredentialCheck;
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

/** login and logout run through picocli as `vaina` runs them, against a real registry with basic auth. */
class LoginCommandTest {
    @TempDir
    static Path shared;
    private static HtpasswdRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = HtpasswdRegistry.start(Files.createDirectories(shared.resolve("registry")), "alice", "s3cret");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run vaina(CredentialCheck check, String stdin, String... args) {
        CommandLine commandLine = new CommandLine(new VainaCommand());
        InputStream input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        commandLine.addSubcommand(new LoginCommand(check, input, null));
        commandLine.addSubcommand(new LogoutCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("run").toString()));
        all.addAll(List.of(args));
        int code = commandLine.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Path authfile() {
        return dir.resolve("auth.json");
    }

    @Test
    void login_notWired_refusesWithoutStoring() {
        Run run = vaina(null, "", "login", "-u", "alice", "-p", "s3cret", "--authfile", authfile().toString(),
                registry.host());
        assertEquals(ExitCodes.ENGINE, run.exitCode());
        assertTrue(run.err().contains("login is not wired to a registry client"), run.err());
        assertFalse(Files.exists(authfile()));
    }

    @Test
    void login_goodCredentials_checkedWithRegistryThenStored() throws IOException {
        BasicAuthCheck check = new BasicAuthCheck();
        Run run = vaina(check, "s3cret\n", "login", "--tls-verify=false", "-u", "alice", "--password-stdin",
                "--authfile", authfile().toString(), registry.host());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Login Succeeded!\n", run.out());
        assertEquals(1, check.calls.get());
        assertFalse(check.lastTlsVerify);
        assertEquals(Optional.of(new AuthEntry("alice", "s3cret")),
                new AuthFile(authfile(), List.of()).find(registry.host()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authfile())));
    }

    @Test
    void login_badPassword_failsAndStoresNothing() {
        BasicAuthCheck check = new BasicAuthCheck();
        Run run = vaina(check, "", "login", "--tls-verify=false", "-u", "alice", "-p", "wrong",
                "--authfile", authfile().toString(), registry.host());
        assertEquals(ExitCodes.ENGINE, run.exitCode());
        assertTrue(run.err().contains("logging into \"" + registry.host() + "\"") && run.err().contains("401"),
                run.err());
        assertFalse(Files.exists(authfile()));
    }

    @Test
    void login_tlsVerifyByDefault() {
        BasicAuthCheck check = new BasicAuthCheck();
        Run run = vaina(check, "", "login", "-u", "alice", "-p", "s3cret", "--authfile", authfile().toString(),
                registry.host());
        assertTrue(check.lastTlsVerify, "without --tls-verify and without an insecure registries.conf entry");
        assertEquals(ExitCodes.ENGINE, run.exitCode(), "the registry speaks plain HTTP only");
        assertFalse(Files.exists(authfile()));
    }

    @Test
    void login_withoutTerminalOrUserName_failsClearly() {
        Run run = vaina(new BasicAuthCheck(), "", "login", "--authfile", authfile().toString(), registry.host());
        assertEquals(ExitCodes.ENGINE, run.exitCode());
        assertTrue(run.err().contains("no terminal to ask for the user name: give it with --username"), run.err());
    }

    @Test
    void login_withoutTerminalOrPassword_failsClearly() {
        Run run = vaina(new BasicAuthCheck(), "", "login", "-u", "alice", "--authfile", authfile().toString(),
                registry.host());
        assertTrue(run.err().contains("no terminal to ask for the password"), run.err());
    }

    @Test
    void login_passwordStdinConflicts() {
        Run both = vaina(new BasicAuthCheck(), "x", "login", "-u", "a", "-p", "b", "--password-stdin",
                "--authfile", authfile().toString(), registry.host());
        assertTrue(both.err().contains("can't specify both --password-stdin and --password"), both.err());
        Run noUser = vaina(new BasicAuthCheck(), "x", "login", "--password-stdin", "--authfile", authfile().toString(),
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
