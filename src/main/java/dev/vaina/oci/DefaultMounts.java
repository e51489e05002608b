package dev.vaina.oci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The file systems every container gets, as Podman sets them up, adjusted for a user namespace. */
public final class DefaultMounts {
    private DefaultMounts() {
    }

    /**
     * @param rootless           runc runs as root of a user namespace the launcher made
     * @param newNetworkNamespace the container has its own network namespace
     */
    public static List<Map<String, Object>> of(boolean rootless, boolean newNetworkNamespace) {
        return of(rootless, newNetworkNamespace, null);
    }

    /** @param shmSize the size of /dev/shm in bytes (--shm-size), null for Podman's 64 MB */
    public static List<Map<String, Object>> of(boolean rootless, boolean newNetworkNamespace, Long shmSize) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        mounts.add(mount("/proc", "proc", "proc", "nosuid", "noexec", "nodev"));
        mounts.add(mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"));
        // gid=5 (tty) would name a group the user namespace may not map.
        mounts.add(rootless
                ? mount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620")
                : mount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620",
                        "gid=5"));
        mounts.add(mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777",
                shmSize == null ? "size=65536k" : "size=" + shmSize));
        mounts.add(mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"));
        // sysfs may be mounted only by the owner of the network namespace; a rootless container that
        // shares the host's gets the host's /sys bound read-only instead, as Podman does.
        mounts.add(rootless && !newNetworkNamespace ? hostSys()
                : mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"));
        mounts.add(mount("/sys/fs/cgroup", "cgroup", "cgroup", "rprivate", "nosuid", "noexec", "nodev", "relatime", "ro"));
        return mounts;
    }

    /** The host's /sys, bound read-only: for a container that may not mount sysfs itself. */
    static Map<String, Object> hostSys() {
        return mount("/sys", "bind", "/sys", "rbind", "nosuid", "noexec", "nodev", "ro");
    }

    /** The same mount without its "ro" option (--privileged's /sys). */
    static Map<String, Object> writable(Map<String, Object> mount) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(mount);
        copy.put("options", ((List<?>) mount.get("options")).stream().filter(o -> !"ro".equals(o)).toList());
        return copy;
    }

    static Map<String, Object> mount(String destination, String type, String source, String... options) {
        return mount(destination, type, source, List.of(options));
    }

    static Map<String, Object> mount(String destination, String type, String source, List<String> options) {
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("destination", destination);
        mount.put("type", type);
        mount.put("source", source);
        mount.put("options", List.copyOf(options));
        return mount;
    }
}
