package dev.vaina.spec;

import dev.vaina.spec.toml.TomlException;
import dev.vaina.spec.toml.TomlParser;
import dev.vaina.spec.toml.TomlTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * vaina.conf, TOML: {@code /etc/vaina/vaina.conf}, then the user's {@code $XDG_CONFIG_HOME/vaina/vaina.conf}
 * (a later file wins, a command-line option wins over both). Known keys, all under {@code [engine]}:
 * {@code systemd = "user" | "system"}, {@code runtime = "runc" | "crun"} and
 * {@code rootless_network = "pasta" | "slirp4netns"} (the helper that connects containers on the default
 * network when not root; unset: pasta when it is installed, slirp4netns otherwise). Read by the command line
 * and by the launcher, so that a container started by a definition file's unit, whose launcher no command line
 * has told what to use, runs as the command that created it chose.
 */
public record VainaConf(String systemd, String runtime, String rootlessNetwork) {
    private static final Set<String> ENGINE_KEYS = Set.of("systemd", "runtime", "rootless_network");
    private static final Set<String> HELPERS = Set.of("pasta", "slirp4netns");
    private static final Set<String> RUNTIMES = Set.of("runc", "crun");
    private static final Set<String> MANAGERS = Set.of("user", "system");

    public static VainaConf load(Map<String, String> env, boolean root) throws IOException {
        VainaConf settings = new VainaConf(null, null, null);
        for (Path file : files(env, root)) {
            if (Files.isRegularFile(file)) {
                settings = settings.overriddenBy(parse(file));
            }
        }
        return settings;
    }

    public static List<Path> files(Map<String, String> env, boolean root) {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("/etc/vaina/vaina.conf"));
        if (!root) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            files.add(Path.of(env.getOrDefault("XDG_CONFIG_HOME", home + "/.config"), "vaina", "vaina.conf"));
        }
        return files;
    }

    public static VainaConf parse(Path file) throws IOException {
        TomlTable toml;
        try {
            toml = TomlParser.parse(file);
        } catch (TomlException e) {
            throw new InvalidSpecException("invalid configuration file " + file + ": " + e.getMessage());
        }
        for (String key : toml.keySet()) {
            if (!key.equals("engine")) {
                throw new InvalidSpecException("unknown table [" + key + "] in " + file + ": the known table is [engine]");
            }
        }
        if (!toml.contains("engine")) {
            return new VainaConf(null, null, null);
        }
        TomlTable engine = toml.getTable("engine");
        if (engine == null) {
            throw new InvalidSpecException("invalid configuration file " + file
                    + ": engine must be a table ([engine])");
        }
        for (String key : engine.keySet()) {
            if (!ENGINE_KEYS.contains(key)) {
                throw new InvalidSpecException("unknown key \"" + key + "\" in [engine] of " + file
                        + ": known keys are " + String.join(", ", ENGINE_KEYS));
            }
        }
        return new VainaConf(choice(engine, "systemd", MANAGERS, file), choice(engine, "runtime", RUNTIMES, file),
                choice(engine, "rootless_network", HELPERS, file));
    }

    private static String choice(TomlTable table, String key, Set<String> allowed, Path file) {
        if (!table.contains(key)) {
            return null;
        }
        Object value = table.get(key);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw new InvalidSpecException("invalid value " + value + " for " + key + " in " + file
                    + ": must be one of " + String.join(", ", allowed));
        }
        return text;
    }

    public VainaConf overriddenBy(VainaConf later) {
        return new VainaConf(later.systemd != null ? later.systemd : systemd,
                later.runtime != null ? later.runtime : runtime,
                later.rootlessNetwork != null ? later.rootlessNetwork : rootlessNetwork);
    }
}
