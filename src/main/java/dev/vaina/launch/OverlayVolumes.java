package dev.vaina.launch;

import dev.vaina.oci.OverlayVolumeDirs;
import dev.vaina.spec.UserNamespace;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.ContainerOwnership;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The directories of a container's overlay volumes (-v SOURCE:DEST:O). As Podman does, every start begins
 * with empty ones, so the container's changes last one run; the cleanup deletes them once it has stopped.
 */
final class OverlayVolumes {
    private OverlayVolumes() {
    }

    /** Empty upper, work and merge directories for each of the record's overlay volumes, left over ones gone. */
    static void prepare(ContainerRecord record, StoreLayout layout) throws IOException {
        discard(layout, record);
        List<VolumeMount> volumes = record.config().volumes();
        Path root = layout.containerVolumeOverlays(record);
        UserNamespace userns = record.config().userns();
        for (int i = 0; i < volumes.size(); i++) {
            VolumeMount volume = volumes.get(i);
            if (!volume.overlay()) {
                continue;
            }
            OverlayVolumeDirs dirs = OverlayVolumeDirs.of(root, i);
            for (Path dir : List.of(dirs.upper(), dirs.work(), dirs.merge())) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            // The mount's root is the upper directory: it shows the source's mode, and as root its owner, as in
            // Podman (rootless, the launcher's user's, usually the source's owner too).
            Path lower = volume.isVolume() ? layout.volumeData(volume.source()) : Path.of(volume.source());
            if (!Files.isDirectory(lower)) {
                throw new IOException("cannot mount overlay volume " + volume + ": " + lower + " is not a directory"
                        + " (any more)");
            }
            Files.setAttribute(dirs.upper(), "unix:mode", (Integer) Files.getAttribute(lower, "unix:mode") & 07777);
            if (!layout.rootless()) {
                Files.setAttribute(dirs.upper(), "unix:uid", Files.getAttribute(lower, "unix:uid"));
                Files.setAttribute(dirs.upper(), "unix:gid", Files.getAttribute(lower, "unix:gid"));
            }
            if (userns.ownNamespace()) {
                // The runtime mounts the overlay as the container's root, who must be able to reach and write them
                // (last: rootless, the launcher may no longer enter them then).
                for (Path dir : List.of(dirs.work(), dirs.merge(), dirs.dir())) {
                    ContainerOwnership.chown(layout, dir, userns.parentUid(0), userns.parentGid(0), false);
                }
                RootfsAccess.open(record, layout, dirs.dir());
            }
        }
    }

    /** Deletes what the container's overlay volumes hold: their files belong to the container's users. */
    static void discard(StoreLayout layout, ContainerRecord record) throws IOException {
        Path root = layout.containerVolumeOverlays(record);
        if (Files.exists(root)) {
            ContainerOwnership.delete(layout, root);
        }
    }
}
