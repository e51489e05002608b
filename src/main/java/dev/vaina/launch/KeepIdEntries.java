package dev.vaina.launch;

import dev.vaina.oci.BindMount;
import dev.vaina.spec.UserNamespace;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerOwnership;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * --userns=keep-id: the user gets an entry in the container's /etc/passwd and its group one in /etc/group
 * (when the image has none for those ids), as Podman adds them: the image's files with a line added,
 * bind-mounted over them. Podman's entry: at the user's own uid, the host's name and GECOS field, as home the
 * host's home directory when it is mounted into the container (the working directory otherwise); at another
 * uid (keep-id:uid=N), the number as name and "container user"; /bin/sh.
 */
final class KeepIdEntries {
    private KeepIdEntries() {
    }

    static List<BindMount> write(ContainerRecord record, StoreLayout layout, ContainerPaths paths, LayerStack layers)
            throws IOException {
        UserNamespace userns = record.config().userns();
        if (userns.kind() != UserNamespace.Kind.KEEP_ID) {
            return List.of();
        }
        var unix = new com.sun.security.auth.module.UnixSystem();
        String[] ids = userns.keptUser().split(":");
        boolean self = ids[0].equals(Long.toString(unix.getUid()));
        String[] host = hostEntry(unix.getUid());
        // Another uid than the user's own (keep-id:uid=N) is named by its number, as Podman names it.
        String name = self ? unix.getUsername() : ids[0];
        List<BindMount> mounts = new ArrayList<>();
        if (!hasId(layers, "etc/passwd", 2, ids[0])) {
            String home = self && record.config().volumes().stream().map(VolumeMount::destination)
                    .anyMatch(d -> d.equals(host[5])) ? host[5] : workingDir(record);
            String entry = name + ":*:" + ids[0] + ":" + ids[1] + ":" + (self ? host[4] : "container user") + ":" + home
                    + ":/bin/sh";
            mounts.add(withLine(record, layout, paths, layers, "etc/passwd", entry));
        }
        if (!hasId(layers, "etc/group", 2, ids[1])) {
            String group = ids[1].equals(Long.toString(unix.getGid()))
                    ? Optional.ofNullable(groupName(unix.getGid())).orElse(unix.getUsername()) : ids[1];
            mounts.add(withLine(record, layout, paths, layers, "etc/group", group + ":x:" + ids[1] + ":" + name));
        }
        return mounts;
    }

    private static BindMount withLine(ContainerRecord record, StoreLayout layout, ContainerPaths paths,
            LayerStack layers, String file, String line) throws IOException {
        Optional<Path> image = layers.find(file);
        String content = image.isPresent() ? Files.readString(image.get()) : "";
        if (!content.isEmpty() && !content.endsWith("\n")) {
            content += "\n";
        }
        Path copy = paths.runDir().resolve(file.substring("etc/".length()));
        AtomicFiles.write(copy, content + line + "\n");
        // The container's root owns it inside, as it owns the image's.
        UserNamespace userns = record.config().userns();
        ContainerOwnership.chown(layout, copy, userns.parentUid(0), userns.parentGid(0), false);
        return new BindMount(copy, "/" + file, false);
    }

    private static boolean hasId(LayerStack layers, String file, int field, String id) throws IOException {
        Optional<Path> found = layers.find(file);
        if (found.isEmpty()) {
            return false;
        }
        return Files.readAllLines(found.get()).stream().map(l -> l.split(":"))
                .anyMatch(fields -> fields.length > field && fields[field].equals(id));
    }

    private static String workingDir(ContainerRecord record) {
        String dir = record.config().workingDir() != null ? record.config().workingDir() : record.imageConfig().workingDir();
        return dir == null || dir.isEmpty() ? "/" : dir;
    }

    /** The host's /etc/passwd line of a uid, split (empty fields where it has none). */
    private static String[] hostEntry(long uid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 7 && fields[2].equals(Long.toString(uid))) {
                return fields;
            }
        }
        return new String[] {"", "", "", "", "", "", ""};
    }

    private static String groupName(long gid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/group"))) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 3 && fields[2].equals(Long.toString(gid))) {
                return fields[0];
            }
        }
        return null;
    }
}
