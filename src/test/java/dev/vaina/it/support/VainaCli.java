package dev.vaina.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the installed {@code vaina} (and, for cross-checks, {@code systemctl --user} and other commands)
 * as root or as the test user, with exactly the environment that reaches that user's systemd manager.
 *
 * <p>An instance for a mode the run did not set up is still created, so that a parameterised test
 * gets an invocation for it; every call on it then fails with the reason.
 */
public final class VainaCli {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Mode mode;
    private final String unavailable;
    private final Path prefix;
    private final String user;
    private final boolean switchUser;
    private final Map<String, String> environment;

    private VainaCli(Mode mode, String unavailable, Path prefix, String user, boolean switchUser,
            Map<String, String> environment) {
        this.mode = mode;
        this.unavailable = unavailable;
        this.prefix = prefix;
        this.user = user;
        this.switchUser = switchUser;
        this.environment = environment;
    }

    /** The CLI for {@code mode}; never throws: a mode that is not available fails on first use. */
    public static VainaCli forMode(Mode mode) {
        try {
            return mode == Mode.ROOTFUL ? rootful() : rootless();
        } catch (IllegalStateException e) {
            return new VainaCli(mode, "the " + mode + " mode is not available: " + e.getMessage(), null, null, false,
                    Map.of());
        }
    }

    private static VainaCli rootful() {
        Path prefix = TestEnvironment.prefix();
        String runtimeDir = TestEnvironment.require(TestEnvironment.ROOT_RUNTIME_DIR, "root's systemd --user runtime dir");
        if (TestEnvironment.currentUid() != 0) {
            throw new IllegalStateException("the tests run as uid " + TestEnvironment.currentUid()
                    + ", and rootful commands need root: run 'sudo ./test.sh'");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/root");
        env.put("USER", "root");
        env.put("LOGNAME", "root");
        env.put("PATH", PATH);
        env.put("LANG", "C.UTF-8");
        env.put("XDG_RUNTIME_DIR", runtimeDir);
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + runtimeDir + "/bus");
        return new VainaCli(Mode.ROOTFUL, null, prefix, "root", false, Map.copyOf(env));
    }

    private static VainaCli rootless() {
        Path prefix = TestEnvironment.prefix();
        String user = TestEnvironment.require(TestEnvironment.USER, "the non-root test user");
        long uid = Long.parseLong(TestEnvironment.require(TestEnvironment.USER_UID, "the test user's uid"));
        if (uid == 0) {
            throw new IllegalStateException(TestEnvironment.USER + "=" + user + " is root; rootless tests need a non-root user");
        }
        String runtimeDir = TestEnvironment.require(TestEnvironment.USER_RUNTIME_DIR, "the test user's XDG_RUNTIME_DIR");
        long self = TestEnvironment.currentUid();
        if (self != uid && self != 0) {
            throw new IllegalStateException("the tests run as uid " + self + ", neither root nor the test user " + user);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", TestEnvironment.require(TestEnvironment.USER_HOME, "the test user's home"));
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("PATH", PATH);
        env.put("LANG", "C.UTF-8");
        env.put("XDG_RUNTIME_DIR", runtimeDir);
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + runtimeDir + "/bus");
        env.put("XDG_DATA_HOME", TestEnvironment.require(TestEnvironment.USER_DATA_HOME, "the test user's fresh XDG_DATA_HOME"));
        env.put("XDG_CONFIG_HOME", TestEnvironment.require(TestEnvironment.USER_CONFIG_HOME, "the test user's fresh XDG_CONFIG_HOME"));
        return new VainaCli(Mode.ROOTLESS, null, prefix, user, self != uid, Map.copyOf(env));
    }

    /**
     * The same mode's CLI with other environment variables (another manager's runtime directory and bus, another
     * data directory) and another installation prefix (whose bin/vaina may be a wrapper that adds options).
     */
    public VainaCli with(Path otherPrefix, Map<String, String> overrides) {
        requireAvailable();
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(overrides);
        return new VainaCli(mode, null, otherPrefix, user, switchUser, Map.copyOf(env));
    }

    public Mode mode() {
        return mode;
    }

    /** The user the commands run as. */
    public String user() {
        requireAvailable();
        return user;
    }

    /** The environment every command gets (and nothing else). */
    public Map<String, String> environment() {
        requireAvailable();
        return environment;
    }

    public Path vainaExecutable() {
        requireAvailable();
        return prefix.resolve("bin/vaina");
    }

    /** {@code vaina ARGS...}, waiting up to {@link #DEFAULT_TIMEOUT}. */
    public Result run(String... args) {
        return run(DEFAULT_TIMEOUT, args);
    }

    public Result run(Duration timeout, String... args) {
        return exec(null, timeout, vainaCommand(args));
    }

    /** {@code vaina GLOBAL_OPTIONS... ARGS...}: a private store's --root and --runroot, say. */
    public Result run(List<String> globalOptions, String... args) {
        List<String> all = new ArrayList<>(globalOptions);
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** {@code vaina ARGS...} with {@code input} on its standard input. */
    public Result runWithInput(String input, String... args) {
        return exec(input, DEFAULT_TIMEOUT, vainaCommand(args));
    }

    /** {@code systemctl --user ARGS...} against the same manager vaina talks to. */
    public Result systemctl(String... args) {
        List<String> command = new ArrayList<>(List.of("systemctl", "--user", "--no-pager"));
        command.addAll(List.of(args));
        return exec(null, DEFAULT_TIMEOUT, command);
    }

    /** Any command, as this mode's user with this mode's environment. */
    public Result exec(List<String> command) {
        return exec(null, DEFAULT_TIMEOUT, command);
    }

    public Result exec(String input, Duration timeout, List<String> command) {
        requireAvailable();
        List<String> full = wrap(command);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("vaina-it-out", ".txt");
            err = Files.createTempFile("vaina-it-err", ".txt");
            ProcessBuilder builder = processBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.redirectInput(input == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                    : ProcessBuilder.Redirect.PIPE);
            Process process = builder.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(process);
                throw new AssertionFailedError("timed out after " + timeout.toSeconds() + "s: " + String.join(" ", full)
                        + "\n--- stdout so far ---\n" + Files.readString(out) + "\n--- stderr so far ---\n"
                        + Files.readString(err));
            }
            return new Result(full, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionFailedError("could not run " + String.join(" ", full) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while running " + String.join(" ", full), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** {@code vaina ARGS...} on a pseudo-terminal, in the background, for {@code -it} tests. */
    public Interactive startInteractive(String... args) {
        return startInteractiveCommand(vainaCommand(args));
    }

    /** Any command on a pseudo-terminal (util-linux {@code script} allocates it), as this mode's user. */
    public Interactive startInteractiveCommand(List<String> command) {
        requireAvailable();
        List<String> scripted = List.of("script", "--quiet", "--flush", "--return", "--command",
                ShellQuoting.join(command), "/dev/null");
        List<String> full = wrap(scripted);
        try {
            return new Interactive(full, processBuilder(full).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new AssertionFailedError("could not start " + String.join(" ", full) + ": " + e.getMessage(), e);
        }
    }

    private List<String> vainaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(vainaExecutable().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Prefixes the command so that it runs as this mode's user with exactly this mode's environment. */
    private List<String> wrap(List<String> command) {
        List<String> full = new ArrayList<>();
        if (switchUser) {
            full.addAll(List.of("runuser", "-u", user, "--"));
        }
        full.add("env");
        full.add("-i");
        environment.forEach((key, value) -> full.add(key + "=" + value));
        full.addAll(command);
        return full;
    }

    private static ProcessBuilder processBuilder(List<String> command) {
        // A directory every user can enter: the test user may not be able to enter the build folder.
        return new ProcessBuilder(command).directory(Path.of("/").toFile());
    }

    static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void requireAvailable() {
        if (unavailable != null) {
            throw new AssertionFailedError(unavailable);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // A leftover temp file does not change any result.
            }
        }
    }

    @Override
    public String toString() {
        return mode.label();
    }
}
