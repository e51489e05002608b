package dev.vaina.oci;

import dev.vaina.spec.Fnv64;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * Seccomp filters converted once and kept, written out, in a directory of the run root (a tmpfs, empty after a
 * boot): one file per profile file (its path, size and modification time), architecture, kernel and capability
 * set, and per installation of vaina (the size and modification time of what its class path holds: a new version,
 * which may convert otherwise, does not take an older one's filters). Reading containers-common's 16 KB profile,
 * converting it and writing the result into config.json cost each container start about 7 ms of the launcher's, on
 * the way to the runtime's create. A file holds its key on its first line, so that two keys of the same hash only
 * miss; a file that cannot be read or written is only a miss.
 */
public final class SeccompCache {
    private final Path dir;

    public SeccompCache(Path dir) {
        this.dir = dir;
    }

    /** The OCI linux.seccomp object for this profile and host, as JSON. */
    public JsonOutput.Raw converted(Path profile, SeccompArch arch, Collection<String> capabilities,
            KernelVersion kernel) {
        String key;
        try {
            BasicFileAttributes file = Files.readAttributes(profile, BasicFileAttributes.class);
            key = profile.toAbsolutePath() + " " + file.size() + " " + file.lastModifiedTime().toMillis() + " "
                    + arch.scmpName() + " " + kernel.major() + "." + kernel.minor() + " " + String.join(",", capabilities)
                    + " " + installation();
        } catch (IOException e) {
            return convert(profile, arch, capabilities, kernel); // which says what is wrong with the file
        }
        if (key.indexOf('\n') >= 0) {
            return convert(profile, arch, capabilities, kernel);
        }
        Path cached = dir.resolve(Fnv64.hex(key) + ".json");
        try {
            String text = Files.readString(cached, StandardCharsets.UTF_8);
            if (text.startsWith(key + "\n")) {
                return new JsonOutput.Raw(text.substring(key.length() + 1));
            }
        } catch (IOException e) {
            // Not there yet (or unreadable): converted below.
        }
        JsonOutput.Raw converted = convert(profile, arch, capabilities, kernel);
        keep(cached, key + "\n" + converted.json());
        return converted;
    }

    /** vaina's own files, as the class path names them: their sizes and modification times. */
    private static String installation() throws IOException {
        StringBuilder stamp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path", "").split(":")) {
            if (!entry.isEmpty()) {
                BasicFileAttributes file = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
                stamp.append(entry).append(':').append(file.size()).append(':')
                        .append(file.lastModifiedTime().toMillis()).append(' ');
            }
        }
        return stamp.toString();
    }

    private static JsonOutput.Raw convert(Path profile, SeccompArch arch, Collection<String> capabilities,
            KernelVersion kernel) {
        return new JsonOutput.Raw(JsonOutput.compact()
                .value(SeccompProfile.load(profile).toOci(arch, capabilities, kernel)).toString());
    }

    /** Written whole under another name, then renamed: a reader never sees half a file. */
    private void keep(Path cached, String text) {
        Path partial = dir.resolve("." + cached.getFileName() + "." + Thread.currentThread().getId() + "."
                + System.nanoTime());
        try {
            Files.createDirectories(dir);
            Files.writeString(partial, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The next start converts again.
            }
        }
    }
}
