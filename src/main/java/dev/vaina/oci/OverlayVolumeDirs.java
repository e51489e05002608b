package dev.vaina.oci;

import java.nio.file.Path;
import java.util.List;

/**
 * The directories of one overlay volume (-v SOURCE:DEST:O) of a container: upper and work take the container's
 * changes, merge is the name the mount goes by (as in Podman, which shows it as the mount's source). One per
 * overlay volume, numbered by the mount's place in the container's list of mounts.
 */
public record OverlayVolumeDirs(Path dir) {

    /** @param root the container's directory of overlay volumes */
    public static OverlayVolumeDirs of(Path root, int index) {
        return new OverlayVolumeDirs(root.resolve(Integer.toString(index)));
    }

    public Path upper() {
        return dir.resolve("upper");
    }

    public Path work() {
        return dir.resolve("work");
    }

    public Path merge() {
        return dir.resolve("merge");
    }

    /** overlayfs' options for {@code lower} under these directories, as inspect lists them. */
    public List<String> layers(Path lower) {
        // overlayfs separates lower directories with ':'; one in a path is escaped.
        return List.of("lowerdir=" + lower.toString().replace(":", "\\:"), "upperdir=" + upper(), "workdir=" + work());
    }
}
