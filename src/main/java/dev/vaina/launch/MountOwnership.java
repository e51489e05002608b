package dev.vaina.launch;

import dev.vaina.spec.VolumeMount;
import dev.vaina.store.ContainerOwnership;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The :U option of bind mounts and volumes: before each start, the mounted tree is given to the user and group
 * the container runs as (tmpfs mounts get them as mount options instead, see oci.VolumeMounts).
 */
final class MountOwnership {
    private MountOwnership() {
    }

    /** @param spec the bundle's config, whose process.user the runtime will run as */
    static void apply(ContainerRecord record, StoreLayout layout, Map<String, Object> spec) throws IOException {
        if (record.config().volumes().stream().noneMatch(m -> m.has("U") && !m.isTmpfs())) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) ((Map<String, Object>) spec.get("process")).get("user");
        long uid = ((Number) user.get("uid")).longValue();
        long gid = ((Number) user.get("gid")).longValue();
        for (VolumeMount mount : record.config().volumes()) {
            if (mount.has("U") && !mount.isTmpfs()) {
                Path source = mount.isVolume() ? layout.volumeData(mount.source()) : Path.of(mount.source());
                // In a user namespace of its own, the container's ids are others outside it.
                ContainerOwnership.chown(layout, source, record.config().userns().parentUid(uid),
                        record.config().userns().parentGid(gid), true);
            }
        }
    }
}
