package dev.vaina.oci;

import dev.vaina.spec.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The user's mounts (-v, --mount, --tmpfs) and the launcher's own bind mounts as OCI mount entries. */
public final class VolumeMounts {
    private static final Set<String> PROPAGATION = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave",
            "runbindable", "unbindable");
    private static final Set<String> PASSED_THROUGH = Set.of("ro", "nosuid", "suid", "nodev", "dev", "noexec", "exec");
    /** Podman's defaults for a tmpfs, each dropped when its opposite is given. */
    private static final List<String> TMPFS_DEFAULTS = List.of("rw", "noexec", "nosuid", "nodev");
    /** Options vaina acts on itself (or, for z and Z, need not: there is no SELinux to relabel for). */
    private static final Set<String> NOT_FOR_THE_KERNEL = Set.of("z", "Z", "U", "O", "nocopy", "copy", "notmpcopyup",
            "tmpcopyup");

    private VolumeMounts() {
    }

    /** @param volumeData where a named volume's content is, by the volume's name */
    public static Map<String, Object> of(VolumeMount mount, Function<String, Path> volumeData, ResolvedUser user) {
        if (mount.isTmpfs()) {
            return tmpfs(mount, user);
        }
        Path source = source(mount, volumeData);
        if (!Files.exists(source)) {
            throw new RuntimeSpecException("cannot mount volume " + mount + ": the host path " + source + " does not exist");
        }
        List<String> options = new ArrayList<>();
        options.add(mount.has("bind") ? "bind" : "rbind");
        mount.options().stream().filter(PROPAGATION::contains).findFirst()
                .ifPresentOrElse(options::add, () -> options.add("rprivate"));
        mount.options().stream().filter(PASSED_THROUGH::contains).forEach(options::add);
        return DefaultMounts.mount(mount.destination(), "bind", source.toString(), options);
    }

    /**
     * -v SOURCE:DEST:O: an overlay over the source, whose changes go to the container's own upper directory.
     * The runtime mounts it in the container's mount namespace. Inside a user namespace overlayfs may write only
     * user.* xattrs, which it then must be told to use.
     */
    public static Map<String, Object> overlay(VolumeMount mount, Function<String, Path> volumeData,
            OverlayVolumeDirs dirs, boolean inUserNamespace) {
        Path lower = source(mount, volumeData);
        if (!Files.isDirectory(lower)) {
            throw new RuntimeSpecException("cannot mount overlay volume " + mount + ": " + lower + " is not a directory");
        }
        List<String> options = new ArrayList<>(dirs.layers(lower));
        options.add("private");
        if (inUserNamespace) {
            options.add("userxattr");
        }
        if (mount.readOnly()) {
            options.add("ro"); // --volumes-from CTR:ro of a container with an overlay volume
        }
        return DefaultMounts.mount(mount.destination(), "overlay", dirs.merge().toString(), options);
    }

    private static Path source(VolumeMount mount, Function<String, Path> volumeData) {
        return mount.isVolume() ? volumeData.apply(mount.source()) : Path.of(mount.source());
    }

    private static Map<String, Object> tmpfs(VolumeMount mount, ResolvedUser user) {
        List<String> options = new ArrayList<>();
        for (String option : TMPFS_DEFAULTS) {
            if (!mount.has(opposite(option))) {
                options.add(option);
            }
        }
        for (String option : mount.options()) {
            if (!options.contains(option) && !NOT_FOR_THE_KERNEL.contains(option) && !"rw".equals(option)) {
                options.add(option);
            }
        }
        if (mount.has("ro")) {
            options.remove("rw");
        }
        if (mount.has("U")) {
            // The tmpfs is mounted in the container's user namespace: these are the container's ids.
            options.add("uid=" + user.uid());
            options.add("gid=" + user.gid());
        }
        if (!mount.has("notmpcopyup")) {
            // runc copies what the image has at the path into the new tmpfs, as Podman asks it to.
            options.add("tmpcopyup");
        }
        return DefaultMounts.mount(mount.destination(), "tmpfs", "tmpfs", options);
    }

    private static String opposite(String option) {
        return switch (option) {
            case "rw" -> "ro";
            case "noexec" -> "exec";
            case "nosuid" -> "suid";
            case "nodev" -> "dev";
            default -> option;
        };
    }

    public static Map<String, Object> of(BindMount bind) {
        if (!Files.exists(bind.source())) {
            throw new RuntimeSpecException("cannot bind " + bind.source() + " to " + bind.destination()
                    + " in the container: the host path does not exist");
        }
        List<String> options = new ArrayList<>(List.of("bind", "rprivate"));
        if (bind.readOnly()) {
            options.add("ro");
        }
        return DefaultMounts.mount(bind.destination(), "bind", bind.source().toString(), options);
    }
}
