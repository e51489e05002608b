package dev.vaina.spec;

/**
 * One --device HOST[:CONTAINER][:PERMISSIONS]: a host device node the container may use, at
 * CONTAINER (default: the same path), with cgroup permissions of r, w and m (default rwm).
 */
public record DeviceMapping(String hostPath, String containerPath, String permissions) {

    public DeviceMapping {
        if (hostPath == null || !hostPath.startsWith("/")) {
            throw new InvalidSpecException("invalid device \"" + hostPath + "\": the host path must be absolute");
        }
        if (containerPath == null || !containerPath.startsWith("/")) {
            throw new InvalidSpecException("invalid device \"" + hostPath + ":" + containerPath
                    + "\": the container path must be absolute");
        }
        if (permissions == null || permissions.isEmpty() || !permissions.matches("[rwm]{1,3}")) {
            throw new InvalidSpecException("invalid device mode \"" + permissions + "\": expected any of r, w and m");
        }
    }

    public static DeviceMapping parse(String text) {
        String[] parts = text.split(":", -1);
        return switch (parts.length) {
            case 1 -> new DeviceMapping(parts[0], parts[0], "rwm");
            case 2 -> parts[1].startsWith("/") ? new DeviceMapping(parts[0], parts[1], "rwm")
                    : new DeviceMapping(parts[0], parts[0], parts[1]);
            case 3 -> new DeviceMapping(parts[0], parts[1], parts[2]);
            default -> throw new InvalidSpecException("invalid device \"" + text
                    + "\": expected HOST[:CONTAINER][:PERMISSIONS]");
        };
    }

    @Override
    public String toString() {
        return hostPath + ":" + containerPath + ":" + permissions;
    }
}
