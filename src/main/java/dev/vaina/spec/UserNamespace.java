package dev.vaina.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * --userns, --uidmap and --gidmap: the user namespace a container runs in. The CLI gives the kind and its
 * options; the engine settles the id maps when it creates the container (so that an auto range is chosen
 * once, beside the other containers' ranges) and the runtime makes the namespace from them.
 *
 * <p>The maps are in the ids of the namespace the runtime runs in: the host's when rootful; rootless, the
 * launcher's, where the user is 0 and its subordinate ids are 1 and up (Podman's intermediate namespace). A
 * container without maps (HOST, the default) runs in that namespace itself.
 *
 * @param kind   what was asked for
 * @param uid    keep-id: the uid the user has inside (null: the user's own)
 * @param gid    keep-id: the gid the user has inside (null: the user's own)
 * @param size   auto: how many ids the range holds (null: what the image needs, at least 1024)
 * @param uidMap the uid map, settled (MAPPED: as given)
 * @param gidMap the gid map, settled (MAPPED: as given, or the uid map when only that was given)
 */
public record UserNamespace(Kind kind, Long uid, Long gid, Integer size, List<IdMapping> uidMap, List<IdMapping> gidMap) {
    public enum Kind { HOST, KEEP_ID, AUTO, NOMAP, MAPPED }

    public static final UserNamespace HOST = new UserNamespace(Kind.HOST, null, null, null, List.of(), List.of());

    public UserNamespace {
        if (kind == null) {
            kind = Kind.HOST;
        }
        uidMap = uidMap == null ? List.of() : List.copyOf(uidMap);
        gidMap = gidMap == null ? List.of() : List.copyOf(gidMap);
    }

    /** The options as given, with Podman's messages for what it refuses too. */
    public static UserNamespace parse(String userns, List<String> uidMaps, List<String> gidMaps) {
        boolean mapsGiven = !uidMaps.isEmpty() || !gidMaps.isEmpty();
        if (userns != null && !userns.isEmpty() && mapsGiven) {
            throw new InvalidSpecException("--userns and --uidmap/--gidmap/--subuidname/--subgidname are mutually exclusive");
        }
        if (mapsGiven) {
            // As Podman: one map given alone serves for both, and is read as the uid map first.
            List<IdMapping> uids = (uidMaps.isEmpty() ? gidMaps : uidMaps).stream().map(m -> IdMapping.parse(m, "UID")).toList();
            List<IdMapping> gids = gidMaps.stream().map(m -> IdMapping.parse(m, "GID")).toList();
            noConflicts(uids);
            noConflicts(gids);
            return new UserNamespace(Kind.MAPPED, null, null, null, uids, gids.isEmpty() ? uids : gids);
        }
        if (userns == null || userns.isEmpty()) {
            return HOST;
        }
        int colon = userns.indexOf(':');
        String mode = colon < 0 ? userns : userns.substring(0, colon);
        List<String> options = colon < 0 ? List.of() : List.of(userns.substring(colon + 1).split(","));
        switch (mode) {
            case "host":
                return HOST;
            case "nomap":
                return new UserNamespace(Kind.NOMAP, null, null, null, List.of(), List.of());
            case "keep-id": {
                Long uid = null;
                Long gid = null;
                for (String option : options) {
                    if (option.startsWith("uid=")) {
                        uid = unsigned(option.substring(4));
                    } else if (option.startsWith("gid=")) {
                        gid = unsigned(option.substring(4));
                    } else {
                        throw new InvalidSpecException("invalid option specified: \"" + option + "\"");
                    }
                }
                return new UserNamespace(Kind.KEEP_ID, uid, gid, null, List.of(), List.of());
            }
            case "auto": {
                Integer size = null;
                for (String option : options) {
                    if (option.startsWith("size=")) {
                        long value = unsigned(option.substring(5));
                        if (value < 1 || value > 0xFFFFFFFFL) {
                            throw new InvalidSpecException("invalid --userns=" + userns + ": size must be 1 or more");
                        }
                        size = (int) Math.min(value, Integer.MAX_VALUE);
                    } else if (option.startsWith("uidmapping=") || option.startsWith("gidmapping=")) {
                        throw new InvalidSpecException("--userns=auto:" + option + " is not supported: give auto a size"
                                + " only, or the whole map with --uidmap and --gidmap");
                    } else {
                        throw new InvalidSpecException("unknown option specified: \"" + option.split("=", 2)[0] + "\"");
                    }
                }
                return new UserNamespace(Kind.AUTO, null, null, size, List.of(), List.of());
            }
            case "private":
                throw new InvalidSpecException("must provide at least one UID or GID mapping to configure a user namespace");
            case "ns":
                throw new InvalidSpecException("--userns=" + userns + " is not supported: use host, keep-id, auto, nomap,"
                        + " or --uidmap and --gidmap");
            default:
                throw new InvalidSpecException("unrecognized namespace mode " + userns + " passed");
        }
    }

    /** Two lines of one map may share neither container ids nor host ids. */
    private static void noConflicts(List<IdMapping> map) {
        for (int i = 0; i < map.size(); i++) {
            for (int j = 0; j < i; j++) {
                IdMapping a = map.get(i);
                IdMapping b = map.get(j);
                if (a.overlapsHostIds(b.hostId(), b.size()) || a.holdsContainerId(b.containerId())
                        || b.holdsContainerId(a.containerId())) {
                    throw new InvalidSpecException("creating container storage: the specified UID and/or GID mapping "
                            + a + " conflicts with other mappings: invalid mappings specified");
                }
            }
        }
    }

    /** Whether the container gets a user namespace of its own (else it runs in the runtime's). */
    public boolean ownNamespace() {
        return !uidMap.isEmpty();
    }

    /** The same request with its maps settled. */
    public UserNamespace settled(List<IdMapping> uids, List<IdMapping> gids) {
        return new UserNamespace(kind, uid, gid, size, uids, gids);
    }

    /** A container's uid as the runtime's namespace sees it (unchanged without a namespace of its own). */
    public long parentUid(long containerUid) {
        return toParent(uidMap, containerUid);
    }

    public long parentGid(long containerGid) {
        return toParent(gidMap, containerGid);
    }

    /** -1 for an id that the container's map leaves out. */
    private static long toParent(List<IdMapping> map, long id) {
        if (map.isEmpty()) {
            return id;
        }
        for (IdMapping mapping : map) {
            if (mapping.holdsContainerId(id)) {
                return mapping.hostId() + id - mapping.containerId();
            }
        }
        return -1;
    }

    /** keep-id: "UID:GID", the ids the user has inside, which the container runs as unless --user says otherwise. */
    public String keptUser() {
        if (kind != Kind.KEEP_ID) {
            return null;
        }
        return childOfParentZero(uidMap) + ":" + childOfParentZero(gidMap);
    }

    private static long childOfParentZero(List<IdMapping> map) {
        return map.stream().filter(m -> m.hostId() == 0).mapToLong(IdMapping::containerId).findFirst().orElse(0);
    }

    /** keep-id and nomap: Podman gives the process its primary group as its one supplementary group. */
    public boolean primaryGroupIsSupplementary() {
        return kind == Kind.KEEP_ID || kind == Kind.NOMAP;
    }

    /** Whether any of the maps' parent ids fall in [start, start+count). */
    public boolean usesParentIds(long start, long count) {
        List<IdMapping> all = new ArrayList<>(uidMap);
        all.addAll(gidMap);
        return all.stream().anyMatch(m -> m.overlapsHostIds(start, count));
    }

    /** --userns as Podman's inspect shows it. */
    public String text() {
        return switch (kind) {
            case HOST -> "host";
            case KEEP_ID -> "keep-id";
            case AUTO -> "auto";
            case NOMAP -> "nomap";
            case MAPPED -> "private";
        };
    }

    /** Go's strconv.ParseUint, with its message. */
    private static long unsigned(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            throw new InvalidSpecException("strconv.ParseUint: parsing \"" + text + "\": invalid syntax");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("strconv.ParseUint: parsing \"" + text + "\": value out of range");
        }
    }
}
