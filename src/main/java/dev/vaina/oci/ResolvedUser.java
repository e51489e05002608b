package dev.vaina.oci;

import java.util.List;

/** The numeric identity the container's process runs with. */
public record ResolvedUser(int uid, int gid, List<Integer> additionalGids) {
    public static final ResolvedUser ROOT = new ResolvedUser(0, 0, List.of());

    public ResolvedUser {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("uid and gid must not be negative, got " + uid + ":" + gid);
        }
        additionalGids = List.copyOf(additionalGids);
    }
}
