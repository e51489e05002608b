package dev.vaina.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A host uid or gid as a container sees it. Rootful they are the same; rootless the launcher's
 * {@code unshare --map-users=auto --map-root-user} makes the user root and the user's first subordinate range
 * ids 1 and up (see /etc/subuid and /etc/subgid); an id outside the map is the overflow id 65534.
 */
public final class ContainerIds {
    private static final long OVERFLOW = 65534;

    private final boolean rootless;
    private final long user;
    private final long start;
    private final long count;

    private ContainerIds(boolean rootless, long user, long start, long count) {
        this.rootless = rootless;
        this.user = user;
        this.start = start;
        this.count = count;
    }

    /** @param groups gids (from /etc/subgid) rather than uids (/etc/subuid) */
    public static ContainerIds of(StoreLayout layout, boolean groups) throws IOException {
        if (!layout.rootless()) {
            return new ContainerIds(false, 0, 0, 0);
        }
        var unix = new com.sun.security.auth.module.UnixSystem();
        long self = groups ? unix.getGid() : unix.getUid();
        String name = unix.getUsername();
        Path file = Path.of(groups ? "/etc/subgid" : "/etc/subuid");
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        for (String line : lines) {
            String[] fields = line.strip().split(":");
            if (fields.length == 3 && (fields[0].equals(name) || fields[0].equals(Long.toString(unix.getUid())))) {
                return new ContainerIds(true, self, Long.parseLong(fields[1]), Long.parseLong(fields[2]));
            }
        }
        return new ContainerIds(true, self, 0, 0);
    }

    public long inContainer(long hostId) {
        if (!rootless) {
            return hostId;
        }
        if (hostId == user) {
            return 0;
        }
        if (hostId >= start && hostId < start + count) {
            return hostId - start + 1;
        }
        return OVERFLOW;
    }
}
