package dev.vaina.image.naming;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registries configuration merged from every file, in order: a later file replaces the search list and
 * the short-name mode when it sets them, replaces a [[registry]] with the same prefix, and overrides aliases
 * one by one (as containers/image merges registries.conf.d drop-ins). Warnings (unknown keys) are returned,
 * not printed: the command that loads the configuration decides where they go.
 *
 * @param searchOrigin the file that set the search list, for messages ("" when none did)
 */
public record RegistriesConf(List<String> searchRegistries, String searchOrigin, ShortNameMode shortNameMode,
                             List<Registry> registries, Map<String, Alias> aliases, List<Path> files,
                             List<String> warnings) {
    public static final RegistriesConf EMPTY = new RegistriesConf(List.of(), "", ShortNameMode.DEFAULT, List.of(),
            Map.of(), List.of(), List.of());

    public RegistriesConf {
        searchRegistries = List.copyOf(searchRegistries);
        registries = List.copyOf(registries);
        aliases = Map.copyOf(aliases);
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /**
     * The files vaina reads, in merge order: the system's /etc/containers/registries.conf and its
     * registries.conf.d/*.conf (sorted by name), vaina's /etc/vaina/registries.conf, and for a rootless user
     * $XDG_CONFIG_HOME/vaina/registries.conf. Files that do not exist are left out.
     */
    public static List<Path> defaultFiles(Map<String, String> env, boolean rootless) throws IOException {
        return defaultFiles(Path.of("/"), env, rootless);
    }

    /** {@link #defaultFiles(Map, boolean)} under another root directory (for tests). */
    static List<Path> defaultFiles(Path root, Map<String, String> env, boolean rootless) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Path containers = root.resolve("etc/containers");
        candidates.add(containers.resolve("registries.conf"));
        candidates.addAll(dropIns(containers.resolve("registries.conf.d")));
        candidates.add(root.resolve("etc/vaina/registries.conf"));
        if (rootless) {
            String configHome = env.get("XDG_CONFIG_HOME");
            if (configHome == null || configHome.isEmpty()) {
                String home = env.get("HOME");
                configHome = home == null || home.isEmpty() ? null : home + "/.config";
            }
            if (configHome != null) {
                candidates.add(Path.of(configHome, "vaina", "registries.conf"));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                files.add(candidate);
            }
        }
        return files;
    }

    private static List<Path> dropIns(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> dropIns = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".conf")) {
                    dropIns.add(entry);
                }
            }
        }
        Collections.sort(dropIns);
        return dropIns;
    }

    /** Reads and merges {@code files} in order; a missing file is an error (pass only files that exist). */
    public static RegistriesConf load(List<Path> files) {
        List<String> search = List.of();
        String searchOrigin = "";
        ShortNameMode mode = ShortNameMode.DEFAULT;
        Map<String, Registry> registries = new LinkedHashMap<>();
        Map<String, Alias> aliases = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            RegistriesConfFile conf = RegistriesConfFile.read(file);
            if (conf.searchRegistries().isPresent()) {
                search = conf.searchRegistries().get();
                searchOrigin = file.toString();
            }
            mode = conf.shortNameMode().orElse(mode);
            for (Registry registry : conf.registries()) {
                registries.remove(registry.prefix());
                registries.put(registry.prefix(), registry);
            }
            conf.aliases().forEach((name, alias) -> {
                aliases.remove(name);
                alias.ifPresent(a -> aliases.put(name, a));
            });
            warnings.addAll(conf.warnings());
        }
        return new RegistriesConf(search, searchOrigin, mode, new ArrayList<>(registries.values()), aliases, files,
                warnings);
    }

    /** The [[registry]] whose prefix matches {@code reference} (a fully qualified name) longest, if any. */
    public Optional<Registry> registryFor(String reference) {
        Registry best = null;
        int bestLength = -1;
        for (Registry registry : registries) {
            int length = Registry.matchLength(reference, registry.prefix());
            if (length > bestLength) {
                best = registry;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether TLS should be skipped for {@code host}: its [[registry]] (by prefix) says insecure = true. */
    public boolean isInsecure(String host) {
        return registryFor(host).map(Registry::insecure).orElse(false);
    }

    /** The files, joined for messages. */
    String describeFiles() {
        return files.isEmpty() ? "(no registries.conf file)" : String.join(", ", files.stream().map(Path::toString).toList());
    }
}
