package dev.vaina.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A host uid or gid as a container sees it. Rootful they are the same; rootless the launcher's user namespace
 * ({@link #unshareOptions}) makes the user root and the user's first subordinate range ids 1 and up (see
 * /etc/subuid and /etc/subgid); an id outside the map is the overflow id 65534.
 */
public final class ContainerIds {
    private static final long OVERFLOW = 65534;

    private final boolean rootless;
    private final long user;
    private final long start;
    private final long count;
    private final boolean groupIds;

    private ContainerIds(boolean rootless, boolean groupIds, long user, long start, long count) {
        this.rootless = rootless;
        this.groupIds = groupIds;
        this.user = user;
        this.start = start;
        this.count = count;
    }

    /** @param groups gids (from /etc/subgid) rather than uids (/etc/subuid) */
    public static ContainerIds of(StoreLayout layout, boolean groups) throws IOException {
        var unix = new com.sun.security.auth.module.UnixSystem();
        long self = groups ? unix.getGid() : unix.getUid();
        if (!layout.rootless()) {
            return new ContainerIds(false, groups, self, 0, 0);
        }
        long[] range = subordinateRange(unix.getUsername(), Long.toString(unix.getUid()), groups).orElse(new long[] {0, 0});
        return new ContainerIds(true, groups, self, range[0], range[1]);
    }

    /** {start, count} of the first range /etc/subuid (or /etc/subgid) gives to the user {@code name}. */
    public static Optional<long[]> subordinateRange(String name, boolean groups) throws IOException {
        return subordinateRange(name, name, groups);
    }

    private static Optional<long[]> subordinateRange(String name, String uid, boolean groups) throws IOException {
        Path file = Path.of(subordinateFile(groups));
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        for (String line : lines) {
            String[] fields = line.strip().split(":");
            if (fields.length == 3 && (fields[0].equals(name) || fields[0].equals(uid))) {
                return Optional.of(new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return Optional.empty();
    }

    private static String subordinateFile(boolean groups) {
        return groups ? "/etc/subgid" : "/etc/subuid";
    }

    /**
     * unshare's options for the rootless user namespace containers run in: the user is root, its whole first
     * subordinate range follows from 1, as in Podman's. (unshare's --map-users=auto would leave the range's
     * last id out.)
     */
    public static List<String> unshareOptions(StoreLayout layout) throws IOException {
        ContainerIds uids = of(layout, false);
        ContainerIds gids = of(layout, true);
        List<String> options = new java.util.ArrayList<>(List.of("--user"));
        if (uids.count > 0) {
            options.add("--map-users=" + uids.start + ",1," + uids.count);
        }
        if (gids.count > 0) {
            options.add("--map-groups=" + gids.start + ",1," + gids.count);
        }
        options.add("--map-root-user");
        return options;
    }

    /** The caller's own uid (or gid). */
    public long self() {
        return user;
    }

    /** How many subordinate ids the user has: rootless, the container's ids are 0 (the user) to this many. */
    public long subordinateCount() {
        return count;
    }

    public String sourceFile() {
        return subordinateFile(groupIds);
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
