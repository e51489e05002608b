package dev.vaina.oci;

import dev.vaina.spec.DeviceMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * --device in the runtime spec. Rootful, the runtime makes the node (linux.devices) and the device cgroup
 * allows it (linux.resources.devices); rootless, neither is possible in a user namespace, so the host's
 * node is bind-mounted, as Podman does, and the host's own permissions decide.
 */
final class DeviceNodes {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private DeviceNodes() {
    }

    /** A node of /dev as the host has it: type, major and minor numbers, mode, owner. */
    record Node(String type, long major, long minor, int mode, int uid, int gid) {
        static Node of(DeviceMapping device) {
            Path path = Path.of(device.hostPath());
            try {
                int mode = (Integer) Files.getAttribute(path, "unix:mode");
                long rdev = (Long) Files.getAttribute(path, "unix:rdev");
                String type = switch (mode & S_IFMT) {
                    case S_IFCHR -> "c";
                    case S_IFBLK -> "b";
                    default -> throw new RuntimeSpecException("cannot give the container " + device.hostPath()
                            + ": it is not a device node");
                };
                // glibc's gnu_dev_major/gnu_dev_minor.
                long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
                long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
                return new Node(type, major, minor, mode & 07777, (Integer) Files.getAttribute(path, "unix:uid"),
                        (Integer) Files.getAttribute(path, "unix:gid"));
            } catch (IOException e) {
                throw new RuntimeSpecException("cannot give the container " + device.hostPath() + ": " + e.getMessage());
            }
        }
    }

    static Map<String, Object> device(DeviceMapping mapping, Node node) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("path", mapping.containerPath());
        device.put("type", node.type());
        device.put("major", node.major());
        device.put("minor", node.minor());
        device.put("fileMode", node.mode());
        device.put("uid", node.uid());
        device.put("gid", node.gid());
        return device;
    }

    static Map<String, Object> allowRule(DeviceMapping mapping, Node node) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("allow", true);
        rule.put("type", node.type());
        rule.put("major", node.major());
        rule.put("minor", node.minor());
        rule.put("access", mapping.permissions());
        return rule;
    }

    static Map<String, Object> bindMount(DeviceMapping mapping) {
        return DefaultMounts.mount(mapping.containerPath(), "bind", mapping.hostPath(), List.of("bind", "rprivate"));
    }
}
