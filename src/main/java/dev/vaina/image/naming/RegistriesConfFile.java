package dev.vaina.image.naming;

import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.toml.TomlException;
import dev.vaina.spec.toml.TomlParser;
import dev.vaina.spec.toml.TomlTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One registries.conf file (version 2 format, containers-registries.conf(5)) as read, before merging with
 * the others. A key the file does not set is absent ({@code Optional.empty()}), so a later file overrides
 * only what it sets. An alias mapped to "" resets an alias of an earlier file, as the man page says.
 */
record RegistriesConfFile(Path path, Optional<List<String>> searchRegistries, Optional<ShortNameMode> shortNameMode,
                          List<Registry> registries, Map<String, Optional<Alias>> aliases, List<String> warnings) {
    private static final Set<String> TOP_KEYS = Set.of(
            "unqualified-search-registries", "short-name-mode", "registry", "aliases", "credential-helpers");
    private static final Set<String> REGISTRY_KEYS = Set.of(
            "prefix", "location", "insecure", "blocked", "mirror-by-digest-only", "mirror", "pull-from-mirror");
    private static final Set<String> MIRROR_KEYS = Set.of("location", "insecure", "pull-from-mirror");

    static RegistriesConfFile read(Path path) {
        TomlTable toml;
        try {
            toml = TomlParser.parse(path);
        } catch (IOException e) {
            throw new RegistriesConfException("cannot read registries configuration " + path + ": " + e, e);
        } catch (TomlException e) {
            throw new RegistriesConfException("invalid TOML in " + path + at(e.line()) + ": " + e.problem());
        }
        return new Reader(path, toml).read();
    }

    private static boolean isArrayOfTables(Object value) {
        if (!(value instanceof List<?> list)) {
            return false;
        }
        for (Object item : list) {
            if (!(item instanceof TomlTable)) {
                return false;
            }
        }
        return true;
    }

    /** The line where the table defined the key, 0 when it did not. */
    private static int pos(TomlTable table, String key) {
        return table.lineOf(key);
    }

    private static String at(int line) {
        return line == 0 ? "" : " (line " + line + ")";
    }

    /** The walk over one parsed file; collects warnings and fails on the first bad value. */
    private static final class Reader {
        private final Path path;
        private final TomlTable root;
        private final List<String> warnings = new ArrayList<>();

        Reader(Path path, TomlTable root) {
            this.path = path;
            this.root = root;
        }

        RegistriesConfFile read() {
            if (root.get("registries") != null) {
                throw new RegistriesConfException("registries configuration " + path
                        + " uses the version 1 format ([registries.search] and friends), which vaina does not "
                        + "read: write unqualified-search-registries and [[registry]] tables instead");
            }
            warnUnknown(root, TOP_KEYS, "");
            if (root.get("credential-helpers") != null) {
                warnings.add("key \"credential-helpers\" in " + path
                        + " is ignored: vaina reads credentials from auth.json only");
            }
            Optional<List<String>> search = Optional.ofNullable(stringList("unqualified-search-registries"))
                    .map(list -> list.stream().map(this::searchRegistry).toList());
            Optional<ShortNameMode> mode = Optional.ofNullable(string(root, "short-name-mode", "short-name-mode"))
                    .map(text -> {
                        try {
                            return ShortNameMode.parse(text);
                        } catch (IllegalArgumentException e) {
                            throw bad("short-name-mode", pos(root, "short-name-mode"), e.getMessage());
                        }
                    });
            return new RegistriesConfFile(path, search, mode, registries(), aliases(), List.copyOf(warnings));
        }

        private String searchRegistry(String entry) {
            String location = location(entry, "unqualified-search-registries");
            if (!ParsedReference.isRegistryHost(location)) {
                throw bad("unqualified-search-registries", pos(root, "unqualified-search-registries"),
                        "invalid entry \"" + entry + "\": expected a registry host[:port]");
            }
            return location;
        }

        private List<Registry> registries() {
            Object value = root.get("registry");
            if (value == null) {
                return List.of();
            }
            if (!isArrayOfTables(value)) {
                throw bad("registry", pos(root, "registry"), "must be an array of tables ([[registry]])");
            }
            List<?> array = (List<?>) value;
            Map<String, Registry> byPrefix = new LinkedHashMap<>();
            for (int i = 0; i < array.size(); i++) {
                Registry registry = registry((TomlTable) array.get(i), "registry[" + (i + 1) + "]");
                // Podman: the first of several entries with one prefix wins, later ones are ignored.
                if (byPrefix.putIfAbsent(registry.prefix(), registry) != null) {
                    warnings.add("[[registry]] number " + (i + 1) + " in " + path + " repeats prefix \""
                            + registry.prefix() + "\" and is ignored");
                }
            }
            return List.copyOf(byPrefix.values());
        }

        private Registry registry(TomlTable table, String name) {
            warnUnknown(table, REGISTRY_KEYS, name + ".");
            String location = Optional.ofNullable(string(table, "location", name + ".location"))
                    .map(text -> location(text, name + ".location")).orElse("");
            String prefix = Optional.ofNullable(string(table, "prefix", name + ".prefix"))
                    .map(text -> prefix(text, name + ".prefix")).orElse("");
            if (prefix.isEmpty()) {
                if (location.isEmpty()) {
                    throw bad(name, 0, "both location and prefix are unset");
                }
                prefix = location;
            } else if (location.isEmpty() && !prefix.startsWith("*.")) {
                throw bad(name + ".location", pos(table, "prefix"),
                        "location is unset and prefix \"" + prefix + "\" is not of the form *.example.com");
            }
            if (table.get("pull-from-mirror") != null) {
                throw bad(name + ".pull-from-mirror", pos(table, "pull-from-mirror"),
                        "pull-from-mirror belongs to a [[registry.mirror]], not to registry \"" + prefix + "\"");
            }
            boolean byDigestOnly = bool(table, "mirror-by-digest-only", name);
            List<Mirror> mirrors = mirrors(table, name, byDigestOnly);
            return new Registry(prefix, location, bool(table, "insecure", name), bool(table, "blocked", name),
                    byDigestOnly, mirrors, path);
        }

        private List<Mirror> mirrors(TomlTable registry, String name, boolean byDigestOnly) {
            Object value = registry.get("mirror");
            if (value == null) {
                return List.of();
            }
            if (!isArrayOfTables(value)) {
                throw bad(name + ".mirror", pos(registry, "mirror"), "must be an array of tables ([[registry.mirror]])");
            }
            List<?> array = (List<?>) value;
            List<Mirror> mirrors = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String mirrorName = name + ".mirror[" + (i + 1) + "]";
                TomlTable table = (TomlTable) array.get(i);
                warnUnknown(table, MIRROR_KEYS, mirrorName + ".");
                String location = string(table, "location", mirrorName + ".location");
                if (location == null || location.isEmpty()) {
                    throw bad(mirrorName + ".location", 0, "mirror location is unset");
                }
                String pull = string(table, "pull-from-mirror", mirrorName + ".pull-from-mirror");
                if (pull != null && byDigestOnly) {
                    throw bad(mirrorName + ".pull-from-mirror", pos(table, "pull-from-mirror"),
                            "cannot be set together with the registry's mirror-by-digest-only");
                }
                PullFromMirror pullFromMirror;
                try {
                    pullFromMirror = pull == null || pull.isEmpty() ? PullFromMirror.ALL : PullFromMirror.parse(pull);
                } catch (IllegalArgumentException e) {
                    throw bad(mirrorName + ".pull-from-mirror", pos(table, "pull-from-mirror"), e.getMessage());
                }
                mirrors.add(new Mirror(location(location, mirrorName + ".location"),
                        bool(table, "insecure", mirrorName), pullFromMirror));
            }
            return mirrors;
        }

        private Map<String, Optional<Alias>> aliases() {
            Object value = root.get("aliases");
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof TomlTable table)) {
                throw bad("aliases", pos(root, "aliases"), "must be a table ([aliases])");
            }
            Map<String, Optional<Alias>> aliases = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : table.entrySet()) {
                String key = TomlTable.joinKeyPath(List.of("aliases", entry.getKey()));
                int position = table.lineOf(entry.getKey());
                if (!(entry.getValue() instanceof String target)) {
                    throw bad(key, position, "must be a string (a fully qualified image name)");
                }
                validateShortName(entry.getKey(), key, position);
                if (target.isEmpty()) {
                    aliases.put(entry.getKey(), Optional.empty());
                    continue;
                }
                ParsedReference reference;
                try {
                    reference = ParsedReference.parse(target);
                } catch (InvalidSpecException e) {
                    throw bad(key, position, "\"" + target + "\": " + e.getMessage());
                }
                if (reference.isShortName() || reference.tag() != null || reference.digest() != null) {
                    throw bad(key, position, "\"" + target
                            + "\" must be a fully qualified name (registry/repository) without tag or digest");
                }
                aliases.put(entry.getKey(), Optional.of(Alias.of(target, path)));
            }
            return aliases;
        }

        private void validateShortName(String name, String key, int position) {
            ParsedReference reference;
            try {
                reference = ParsedReference.parse(name);
            } catch (InvalidSpecException e) {
                throw bad(key, position, "the short name is not valid: " + e.getMessage());
            }
            if (!reference.isShortName() || reference.tag() != null || reference.digest() != null) {
                throw bad(key, position, "the short name must have no registry, tag or digest");
            }
        }

        /** containers/image's parseLocation: no URI scheme, no trailing slash. */
        private String location(String text, String key) {
            if (text.startsWith("http://") || text.startsWith("https://")) {
                throw bad(key, 0, "invalid location \"" + text + "\": URI schemes are not supported");
            }
            String location = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            if (location.isEmpty()) {
                return location;
            }
            String host = location.contains("/") ? location.substring(0, location.indexOf('/')) : location;
            if (!ParsedReference.isRegistryHost(host)) {
                throw bad(key, 0, "invalid location \"" + text + "\": \"" + host + "\" is not a host[:port]");
            }
            return location;
        }

        private String prefix(String text, String key) {
            if (text.startsWith("*.")) {
                String domain = text.substring(2);
                if (!ParsedReference.isRegistryHost(domain) || domain.contains(":")) {
                    throw bad(key, 0, "invalid wildcard prefix \"" + text + "\": expected *.example.com");
                }
                return text;
            }
            if (text.contains("*")) {
                throw bad(key, 0, "invalid prefix \"" + text + "\": a wildcard is allowed only as a leading \"*.\"");
            }
            return location(text, key);
        }

        private List<String> stringList(String key) {
            Object value = root.get(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> array)) {
                throw bad(key, pos(root, key), "must be an array of strings");
            }
            List<String> list = new ArrayList<>();
            for (Object item : array) {
                if (!(item instanceof String text)) {
                    throw bad(key, pos(root, key), "must be an array of strings");
                }
                list.add(text);
            }
            return list;
        }

        private String string(TomlTable table, String name, String key) {
            Object value = table.get(name);
            if (value != null && !(value instanceof String)) {
                throw bad(key, pos(table, name), "must be a string");
            }
            return (String) value;
        }

        private boolean bool(TomlTable table, String name, String owner) {
            Object value = table.get(name);
            if (value == null) {
                return false;
            }
            if (!(value instanceof Boolean flag)) {
                throw bad(owner + "." + name, pos(table, name), "must be true or false");
            }
            return flag;
        }

        private void warnUnknown(TomlTable table, Set<String> known, String keyPrefix) {
            Set<String> unknown = new LinkedHashSet<>();
            for (String key : table.keySet()) {
                if (!known.contains(key)) {
                    unknown.add(keyPrefix + key);
                }
            }
            for (String key : unknown) {
                warnings.add("unknown key " + key + " in " + path + " is ignored");
            }
        }

        private RegistriesConfException bad(String key, int keyLine, String problem) {
            String line = at(keyLine);
            return new RegistriesConfException("invalid registries configuration " + path + line
                    + ": key " + key + ": " + problem);
        }
    }
}
