package dev.vaina.engine;

import dev.vaina.spec.IdMapping;
import dev.vaina.spec.UserNamespace;
import dev.vaina.store.ContainerIds;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles a new container's --userns into id maps, as Podman does at create. Rootless, the maps are in the
 * ids of the launcher's namespace (the user is 0, its N subordinate ids 1..N): keep-id puts the user at its
 * own uid and the subordinate ids around it, nomap leaves the user out, auto takes a free range of 1..N.
 * Rootful, auto takes its range from the subordinate ids of the user "containers" (/etc/subuid and
 * /etc/subgid), as Podman's default root-auto-userns-user does. An auto range never overlaps another
 * container's: the caller holds {@link #lockFile} from the choice until the record is written.
 */
final class UserNamespaces {
    /** Podman's smallest automatic range, and the id its image scan ignores (nobody). */
    private static final long AUTO_MINIMUM = 1024;
    private static final long NOBODY = 65534;
    static final String AUTO_USER = "containers";

    private UserNamespaces() {
    }

    static Path lockFile(StoreLayout layout) {
        return layout.dataRoot().resolve("userns.lock");
    }

    /**
     * @param layers the image's layers, top first, read for the ids its /etc/passwd and /etc/group use
     * @param others the containers that exist, whose auto ranges are taken
     */
    static UserNamespace settle(UserNamespace asked, StoreLayout layout, List<Path> layers, List<ContainerRecord> others)
            throws IOException {
        boolean rootless = layout.rootless();
        switch (asked.kind()) {
            case HOST:
                return asked;
            case KEEP_ID:
            case NOMAP:
                if (!rootless) {
                    throw new EngineException((asked.kind() == UserNamespace.Kind.KEEP_ID ? "keep-id" : "nomap")
                            + " is only supported in rootless mode");
                }
                break;
            default:
                break;
        }
        ContainerIds uids = ContainerIds.of(layout, false);
        ContainerIds gids = ContainerIds.of(layout, true);
        return switch (asked.kind()) {
            case KEEP_ID -> asked.settled(keepId(asked.uid() != null ? asked.uid() : uids.self(), uids),
                    keepId(asked.gid() != null ? asked.gid() : gids.self(), gids));
            case NOMAP -> asked.settled(List.of(new IdMapping(0, 1, uids.subordinateCount())),
                    List.of(new IdMapping(0, 1, gids.subordinateCount())));
            case AUTO -> auto(asked, layout, layers, others);
            case MAPPED -> {
                if (rootless) {
                    withinNamespace(asked.uidMap(), uids, "--uidmap");
                    withinNamespace(asked.gidMap(), gids, "--gidmap");
                }
                yield asked;
            }
            case HOST -> asked;
        };
    }

    /** A pod's members live in the namespaces of its infra container, its user namespace too: Podman's messages. */
    static void requireNoneInPod(UserNamespace asked, PodRecord pod) {
        if (asked.kind() == UserNamespace.Kind.MAPPED && pod.hasInfra()) {
            throw new EngineException("cannot specify a new uid/gid map when entering a pod with an infra container:"
                    + " invalid argument");
        }
        if (asked.kind() != UserNamespace.Kind.HOST && asked.kind() != UserNamespace.Kind.MAPPED) {
            throw new EngineException("--userns and --pod cannot be set together");
        }
    }

    /** The user's id at {@code id} inside, the subordinate ids before and after it. */
    private static List<IdMapping> keepId(long id, ContainerIds ids) {
        long subordinate = ids.subordinateCount();
        if (subordinate < 1) {
            throw new EngineException("keep-id needs subordinate ids: none are given to the user in "
                    + ids.sourceFile());
        }
        if (id > subordinate) {
            throw new EngineException("keep-id: id " + id + " is beyond the " + subordinate
                    + " subordinate ids the user has in " + ids.sourceFile() + ": choose one of 0 to " + subordinate);
        }
        List<IdMapping> map = new ArrayList<>();
        if (id > 0) {
            map.add(new IdMapping(0, 1, id));
        }
        map.add(new IdMapping(id, 0, 1));
        if (id < subordinate) {
            map.add(new IdMapping(id + 1, id + 1, subordinate - id));
        }
        return map;
    }

    private static void withinNamespace(List<IdMapping> map, ContainerIds ids, String option) {
        for (IdMapping mapping : map) {
            if (mapping.hostId() + mapping.size() - 1 > ids.subordinateCount()) {
                throw new EngineException(option + " " + mapping + ": rootless, host ids are those of the user's"
                        + " namespace, 0 (the user) to " + ids.subordinateCount() + " (its subordinate ids in "
                        + ids.sourceFile() + ")");
            }
        }
    }

    private static UserNamespace auto(UserNamespace asked, StoreLayout layout, List<Path> layers,
            List<ContainerRecord> others) throws IOException {
        long size = asked.size() != null ? asked.size() : imageNeeds(layers);
        long[] uidPool = pool(layout, false);
        long[] gidPool = pool(layout, true);
        for (long offset = 0; offset + size <= Math.min(uidPool[1], gidPool[1]); ) {
            long uidStart = uidPool[0] + offset;
            long gidStart = gidPool[0] + offset;
            ContainerRecord clash = others.stream()
                    .filter(o -> o.config().userns().kind() == UserNamespace.Kind.AUTO)
                    .filter(o -> overlaps(o.config().userns().uidMap(), uidStart, size)
                            || overlaps(o.config().userns().gidMap(), gidStart, size))
                    .findFirst().orElse(null);
            if (clash == null) {
                return asked.settled(List.of(new IdMapping(0, uidStart, size)), List.of(new IdMapping(0, gidStart, size)));
            }
            long clashEnd = clash.config().userns().uidMap().stream()
                    .mapToLong(m -> m.hostId() + m.size() - uidPool[0]).max().orElse(0);
            offset = Math.max(offset + 1, clashEnd);
        }
        // Podman's message; the range it looked in is the user's subordinate ids rootless, "containers"' rootful.
        throw new EngineException("creating container storage: could not find enough available IDs");
    }

    private static boolean overlaps(List<IdMapping> map, long start, long size) {
        return map.stream().anyMatch(m -> m.hostId() < start + size && start < m.hostId() + m.size());
    }

    /** {start, count}: where auto ranges come from. */
    private static long[] pool(StoreLayout layout, boolean groups) throws IOException {
        if (layout.rootless()) {
            return new long[] {1, ContainerIds.of(layout, groups).subordinateCount()};
        }
        return ContainerIds.subordinateRange(AUTO_USER, groups).orElse(new long[] {0, 0});
    }

    /** As Podman: the largest id the image's /etc/passwd and /etc/group name, plus one, and at least 1024. */
    private static long imageNeeds(List<Path> layers) throws IOException {
        long largest = -1;
        for (String file : List.of("etc/passwd", "etc/group")) {
            var found = LayerView.find(layers, file);
            if (found.isEmpty()) {
                continue;
            }
            for (String line : Files.readAllLines(found.get())) {
                String[] fields = line.split(":");
                for (int field : file.endsWith("passwd") ? new int[] {2, 3} : new int[] {2}) {
                    if (fields.length > field && fields[field].matches("[0-9]{1,9}")) {
                        long id = Long.parseLong(fields[field]);
                        if (id != NOBODY) {
                            largest = Math.max(largest, id);
                        }
                    }
                }
            }
        }
        return Math.max(AUTO_MINIMUM, largest + 1);
    }
}
