package dev.vaina.it.registry;

import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client-side files for pull tests, each in its own fresh temporary directory that every user can read
 * (the rootless test user's vaina reads them): registries.conf, a --cert-dir with the test CA, a
 * certs.d tree, an auth.json. Delete them with {@link Tools#deleteTree} on the returned directory.
 */
public final class ClientFiles {

    private ClientFiles() {
    }

    /** A directory holding {@code ca.crt} (the registry's test CA), for {@code --cert-dir DIR}. */
    public static Path certDir(TestRegistry registry) {
        Path dir = Tools.worldReadableTempDir("vaina-it-certs");
        copyReadable(registry.caCertificate(), dir.resolve("ca.crt"));
        return dir;
    }

    /** A certs.d-style tree: {@code DIR/<host:port>/ca.crt}, as under /etc/vaina/certs.d. */
    public static Path certsD(TestRegistry registry) {
        Path dir = Tools.worldReadableTempDir("vaina-it-certs.d");
        copyReadable(registry.caCertificate(), dir.resolve(registry.host()).resolve("ca.crt"));
        return dir;
    }

    /** {@code DIR/registries.conf} with {@code toml}; answers the file. */
    public static Path registriesConf(String toml) {
        return Tools.writeWorldReadable(Tools.worldReadableTempDir("vaina-it-conf").resolve("registries.conf"), toml);
    }

    /**
     * registries.conf that makes {@code registry} the one search registry for short names and marks it
     * insecure (plain HTTP or an unknown CA is fine).
     */
    public static Path searchRegistryConf(TestRegistry registry) {
        return registriesConf("unqualified-search-registries = [\"" + registry.host() + "\"]\n"
                + "short-name-mode = \"permissive\"\n\n"
                + "[[registry]]\nlocation = \"" + registry.host() + "\"\ninsecure = true\n");
    }

    /** {@code DIR/auth.json} in containers-auth.json(5) format for {@code host -> "user:password"}. */
    public static Path authFile(Map<String, String> credentials) {
        StringBuilder json = new StringBuilder("{\"auths\":{");
        String separator = "";
        for (Map.Entry<String, String> entry : new TreeMap<>(credentials).entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\":{\"auth\":\"")
                    .append(Base64.getEncoder().encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8)))
                    .append("\"}");
            separator = ",";
        }
        json.append("}}\n");
        return Tools.writeWorldReadable(Tools.worldReadableTempDir("vaina-it-auth").resolve("auth.json"), json.toString());
    }

    /**
     * A fresh empty directory owned by the user {@code vaina} runs as, for files vaina itself writes
     * (an --authfile that login creates).
     */
    public static Path writableDirFor(VainaCli vaina) {
        Path dir = Tools.worldReadableTempDir("vaina-it-writable");
        try {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(vaina.user()));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not give " + dir + " to " + vaina.user(), e);
        }
    }

    private static void copyReadable(Path from, Path to) {
        try {
            Tools.writeWorldReadable(to, Files.readString(from));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
        }
    }
}
