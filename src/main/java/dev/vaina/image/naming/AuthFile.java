package dev.vaina.image.naming;

import dev.vaina.spec.json.JsonInput;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.Json;
import dev.vaina.store.OwnProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Registry credentials in Podman's and Docker's auth.json format:
 * {@code {"auths": {"REGISTRY": {"auth": "base64(user:password)"}}}}. vaina writes one file (Podman's
 * default, or --authfile / $REGISTRY_AUTH_FILE) and, when no file was named, also reads Podman's
 * $XDG_CONFIG_HOME/containers/auth.json and Docker's config.json, as containers/image does. Writes keep
 * every other key and entry of the file as they were, and leave a file of mode 0600.
 */
public final class AuthFile {
    private static final String AUTHS = "auths";
    private static final String DOCKER_HUB_AUTH_HOST = "index.docker.io";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path path;
    private final List<Path> fallbacks;
    private final String unusableReason;

    /** A file to read and write, then further files only read (in order). */
    public AuthFile(Path path, List<Path> fallbacks) {
        this(path, fallbacks, null);
    }

    private AuthFile(Path path, List<Path> fallbacks, String unusableReason) {
        this.path = Objects.requireNonNull(path, "path");
        this.fallbacks = List.copyOf(fallbacks);
        this.unusableReason = unusableReason;
    }

    /**
     * The credentials of the calling user as Podman finds them: {@code authfileOption} (--authfile), else
     * $REGISTRY_AUTH_FILE (each alone: no fallbacks), else $XDG_RUNTIME_DIR/containers/auth.json (or
     * /run/containers/UID/auth.json without XDG_RUNTIME_DIR), read before Podman's and Docker's other files.
     */
    public static AuthFile forUser(Map<String, String> env, int uid, Path authfileOption) {
        if (authfileOption != null) {
            return new AuthFile(authfileOption, List.of());
        }
        String fromEnv = env.get("REGISTRY_AUTH_FILE");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new AuthFile(Path.of(fromEnv), List.of());
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        String unusable = runtimeDir != null && !runtimeDir.isEmpty() && !Files.isDirectory(Path.of(runtimeDir))
                ? "\"" + runtimeDir + "\" directory set by $XDG_RUNTIME_DIR does not exist. Either create the "
                  + "directory or unset $XDG_RUNTIME_DIR."
                : null;
        return new AuthFile(defaultPath(env, uid), readFallbacks(env), unusable);
    }

    /** Podman's default auth.json, for root too. */
    public static Path defaultPath(Map<String, String> env, int uid) {
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isEmpty()) {
            return Path.of(runtimeDir, "containers", "auth.json");
        }
        return Path.of("/run/containers", Integer.toString(uid), "auth.json");
    }

    /** The files read after the default one: Podman's persistent file, then Docker's config.json. */
    static List<Path> readFallbacks(Map<String, String> env) {
        List<Path> paths = new ArrayList<>();
        String home = env.getOrDefault("HOME", "");
        String configHome = env.get("XDG_CONFIG_HOME");
        if (configHome != null && !configHome.isEmpty()) {
            paths.add(Path.of(configHome, "containers", "auth.json"));
        } else if (!home.isEmpty()) {
            paths.add(Path.of(home, ".config", "containers", "auth.json"));
        }
        String dockerConfig = env.get("DOCKER_CONFIG");
        if (dockerConfig != null && !dockerConfig.isEmpty()) {
            paths.add(Path.of(dockerConfig, "config.json"));
        } else if (!home.isEmpty()) {
            paths.add(Path.of(home, ".docker", "config.json"));
        }
        return paths;
    }

    /** The file that login writes and logout edits. */
    public Path path() {
        return path;
    }

    /** The files read only, in order. */
    public List<Path> fallbacks() {
        return fallbacks;
    }

    /** The credentials for a registry host, from the first file that has them. */
    public Optional<AuthEntry> find(String host) throws IOException {
        Optional<AuthEntry> own = findIn(path, host);
        if (own.isPresent()) {
            return own;
        }
        for (Path fallback : fallbacks) {
            Optional<AuthEntry> found = findIn(fallback, host);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The credentials for a registry host in the written file only (what logout can remove). */
    public Optional<AuthEntry> findOwn(String host) throws IOException {
        return findIn(path, host);
    }

    /** The first read-only file that holds credentials for the host, if any (for logout's advice). */
    public Optional<Path> fallbackHolding(String host) throws IOException {
        for (Path fallback : fallbacks) {
            if (findIn(fallback, host).isPresent()) {
                return Optional.of(fallback);
            }
        }
        return Optional.empty();
    }

    /** Stores (or replaces) the credentials for {@code host} under that key. */
    public void store(String host, String username, String password) throws IOException {
        if (username.isEmpty() || username.contains(":")) {
            throw new IllegalArgumentException("a registry user name must be non-empty and must not contain ':'");
        }
        Map<String, Object> content = readForUpdate();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("auth", Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        auths(content).put(host, entry);
        write(content);
    }

    /** Removes every entry for {@code host} (its own key and Docker's legacy spellings); false if none. */
    public boolean remove(String host) throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        Map<String, Object> content = readForUpdate();
        Map<String, Object> auths = auths(content);
        String wanted = normalizeHost(host);
        boolean removed = auths.remove(host) != null;
        for (Iterator<String> keys = auths.keySet().iterator(); keys.hasNext(); ) {
            if (wanted.equals(hostOfKey(keys.next()))) {
                keys.remove();
                removed = true;
            }
        }
        if (removed) {
            write(content);
        }
        return removed;
    }

    /** Removes every stored credential of the file, keeping its other keys. */
    public void removeAll() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Map<String, Object> content = readForUpdate();
        content.put(AUTHS, new LinkedHashMap<>());
        write(content);
    }

    private Optional<AuthEntry> findIn(Path file, String host) throws IOException {
        Map<String, Object> content = read(file);
        if (content == null || !(content.get(AUTHS) instanceof Map<?, ?> auths)) {
            return Optional.empty();
        }
        // The key exactly as given first (Podman writes the host as typed), then Docker's spellings.
        Object exact = auths.get(host);
        if (exact != null) {
            Optional<AuthEntry> entry = decode(file, host, exact);
            if (entry.isPresent()) {
                return entry;
            }
        }
        String wanted = normalizeHost(host);
        for (Map.Entry<?, ?> candidate : auths.entrySet()) {
            String key = String.valueOf(candidate.getKey());
            if (wanted.equals(hostOfKey(key))) {
                Optional<AuthEntry> entry = decode(file, key, candidate.getValue());
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }

    /** An entry's credentials; none when it holds no "auth" (a credential helper's or a token's entry). */
    private static Optional<AuthEntry> decode(Path file, String key, Object value) throws IOException {
        if (!(value instanceof Map<?, ?> entry) || !(entry.get("auth") instanceof String auth) || auth.isEmpty()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IOException("Tried to read the credentials for \"" + key + "\" from " + file
                    + " but failed because: \"auth\" is not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IOException("Tried to read the credentials for \"" + key + "\" from " + file
                    + " but failed because: \"auth\" does not decode to user:password");
        }
        return Optional.of(new AuthEntry(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /**
     * The registry host a key names, or null for a key scoped to a repository ("quay.io/org"). Docker's
     * legacy keys carry a scheme and a path ("https://index.docker.io/v1/"); Docker Hub has three spellings.
     */
    static String hostOfKey(String key) {
        String stripped = key;
        boolean hadScheme = false;
        for (String scheme : List.of("https://", "http://")) {
            if (stripped.startsWith(scheme)) {
                stripped = stripped.substring(scheme.length());
                hadScheme = true;
            }
        }
        int slash = stripped.indexOf('/');
        if (slash >= 0) {
            String path = stripped.substring(slash);
            if (!hadScheme && !(path.equals("/v1") || path.equals("/v2") || path.equals("/v1/") || path.equals("/v2/"))) {
                return null;
            }
            stripped = stripped.substring(0, slash);
        }
        return normalizeHost(stripped);
    }

    private static String normalizeHost(String host) {
        return switch (host) {
            case "docker.io", "registry-1.docker.io" -> DOCKER_HUB_AUTH_HOST;
            default -> host;
        };
    }

    private Map<String, Object> readForUpdate() throws IOException {
        if (unusableReason != null) {
            throw new IOException(unusableReason);
        }
        Map<String, Object> content = read(path);
        return content == null ? new LinkedHashMap<>() : content;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> auths(Map<String, Object> content) throws IOException {
        Object auths = content.get(AUTHS);
        if (auths == null) {
            auths = new LinkedHashMap<String, Object>();
            content.put(AUTHS, auths);
        }
        if (!(auths instanceof Map)) {
            throw new IOException("\"auths\" is not a JSON object");
        }
        return (Map<String, Object>) auths;
    }

    /** The file's JSON object, or null when the file does not exist. */
    private static Map<String, Object> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> content = JsonInput.parseObject(bytes, file.toString());
            if (content.get(AUTHS) != null && !(content.get(AUTHS) instanceof Map)) {
                throw new IOException("\"auths\" is not a JSON object");
            }
            return new LinkedHashMap<>(content);
        } catch (IOException e) {
            throw new IOException("Tried to read registry credentials from " + file + " but failed because: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Like {@link AtomicFiles#write} (temp file, fsync, rename, fsync of the directory), but the temp file is
     * created with mode 0600 so a password is never readable by others, not even for a moment.
     */
    private void write(Map<String, Object> content) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, OWNER_ONLY_DIR);
        }
        byte[] bytes = (Json.prettyString(content) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp" + OwnProcess.PID);
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                OWNER_ONLY_FILE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e instanceof AtomicMoveNotSupportedException ? e
                    : new IOException("Tried to write registry credentials to " + target + " but failed because: " + e, e);
        }
        AtomicFiles.syncDirectory(dir);
    }
}
