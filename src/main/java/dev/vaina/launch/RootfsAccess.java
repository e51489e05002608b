package dev.vaina.launch;

import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The runtime sets a container's root file system up from inside the container's user namespace, by its
 * path. When that namespace leaves out the runtime namespace's root (auto, nomap, most --uidmap maps), the
 * container's root is nobody to the directories on that path, which the launcher made for itself (rootless,
 * $XDG_RUNTIME_DIR is 0700): they get search permission for others (o+x: entering, not listing), from the run
 * root's parent down. keep-id and containers without a namespace of their own need none. (Rootless, the
 * launcher's uid and gid are the namespace's 0; rootful, root's.)
 */
final class RootfsAccess {
    private RootfsAccess() {
    }

    private static boolean mapsParentRoot(java.util.List<dev.vaina.spec.IdMapping> map) {
        return map.stream().anyMatch(m -> m.hostId() == 0);
    }

    /** @param path the root file system, or another directory under the run root that the runtime mounts */
    static void open(ContainerRecord record, StoreLayout layout, Path path) throws IOException {
        var userns = record.config().userns();
        // Where the launcher's own uid and gid are mapped into the container (keep-id), its root may pass anyway:
        // capabilities over a file hold in a namespace that maps the file's owner and group.
        if (!userns.ownNamespace() || (mapsParentRoot(userns.uidMap()) && mapsParentRoot(userns.gidMap()))) {
            return;
        }
        int self = (int) new com.sun.security.auth.module.UnixSystem().getUid();
        Path top = layout.runRoot().toAbsolutePath().getParent();
        for (Path dir = path.toAbsolutePath().getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
            if ((Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) != self) {
                continue;
            }
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
            if ((mode & 0001) == 0) {
                Files.setAttribute(dir, "unix:mode", mode | 0001, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
