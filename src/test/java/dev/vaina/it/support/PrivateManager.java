package dev.vaina.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second systemd user manager for the mode's user, with its own runtime directory and its own vaina store,
 * so that a test can "reboot" it without disturbing the tests that run meanwhile against the shared managers.
 * vaina's boot units (units/) are installed for it the way install-files.sh installs them and enabled the way
 * install.sh does, in the manager's own $XDG_CONFIG_HOME/systemd/user. Its vaina is a wrapper around the
 * installed one: rootful it adds --root and --runroot (root's store is otherwise shared by every rootful test);
 * rootless the manager's own XDG_DATA_HOME and XDG_RUNTIME_DIR already give it a store of its own.
 */
public final class PrivateManager implements AutoCloseable {
    private static final long WAIT_SECONDS = 120;

    private final VainaCli base;
    private final Path state;
    private final Path runtimeDir;
    private final VainaCli vaina;

    private PrivateManager(VainaCli base, Path state, Path runtimeDir, VainaCli vaina) {
        this.base = base;
        this.state = state;
        this.runtimeDir = runtimeDir;
        this.vaina = vaina;
    }

    public static PrivateManager start(VainaCli base) throws IOException, InterruptedException {
        return start(base, "boot");
    }

    /** @param name what sets this manager's runtime directory apart from another test's private manager */
    public static PrivateManager start(VainaCli base, String name) throws IOException, InterruptedException {
        String user = base.user();
        Path state = Files.createTempDirectory(Path.of("/tmp"), "vaina-" + name + "-");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path runtimeDir = Path.of("/run/user/" + name + "-" + base.mode().label());
        Path prefix = state.resolve("prefix");
        Path bin = Files.createDirectories(prefix.resolve("bin"));
        String real = TestEnvironment.prefix().resolve("bin/vaina").toString();
        String options = base.mode() == Mode.ROOTFUL
                ? " --root '" + state.resolve("store") + "' --runroot '" + runtimeDir.resolve("vaina") + "'" : "";
        Path wrapper = bin.resolve("vaina");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + real + "'" + options + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = state.resolve(user);
        Path units = Files.createDirectories(home.resolve("config/systemd/user"));
        Path wants = Files.createDirectories(units.resolve("default.target.wants"));
        try (var shipped = Files.list(Path.of("units"))) {
            for (Path unit : shipped.toList()) {
                Files.writeString(units.resolve(unit.getFileName()),
                        Files.readString(unit).replace("@BINDIR@", bin.toString()));
            }
        }
        for (String unit : List.of("vaina-reconcile.service", "vaina-restart.service")) {
            Files.createSymbolicLink(wants.resolve(unit), Path.of("..", unit));
        }
        shell("chown -R \"$1\": \"$2\"", user, home.toString());
        Map<String, String> env = base.mode() == Mode.ROOTFUL
                ? Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=" + runtimeDir + "/bus")
                : Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=" + runtimeDir + "/bus",
                        "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString());
        PrivateManager manager = new PrivateManager(base, state, runtimeDir, base.with(prefix, env));
        manager.manager("start");
        manager.manager("wait");
        return manager;
    }

    /** The CLI of this manager and store. */
    public VainaCli vaina() {
        return vaina;
    }

    /** The manager's own D-Bus bus, which no other test's commands use. */
    public Path bus() {
        return runtimeDir.resolve("bus");
    }

    /**
     * A reboot, as far as vaina can tell: the manager stops (its units the ordinary way, then whatever is left is
     * killed), the runtime directory is emptied, and a fresh manager starts; the data directories survive.
     */
    public void reboot() throws IOException, InterruptedException {
        manager("stop");
        shell("find \"$1\" -mindepth 1 -maxdepth 1 -exec rm -rf {} + 2>/dev/null || true", runtimeDir.toString());
        manager("start");
        manager("wait");
    }

    private void manager(String action) throws IOException, InterruptedException {
        shell("VAINA_MANAGER_RUNTIME_DIR=\"$1\" scripts/user-manager.sh \"$2\" \"$3\" \"$4\" " + WAIT_SECONDS,
                runtimeDir.toString(), action, base.user(), state.toString());
    }

    private static void shell(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", "set -eu; " + script, "private-manager"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(WAIT_SECONDS + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("'" + script + "' " + List.of(args) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        manager("stop");
        shell("rm -rf \"$1\" \"$2\" 2>/dev/null || true", runtimeDir.toString(), state.toString());
    }
}
