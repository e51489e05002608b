package dev.vaina.oci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The process's capability sets: Podman's default set, with nothing effective for a non-root user. */
public final class Capabilities {
    public static final List<String> DEFAULT = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_NET_BIND_SERVICE",
            "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT");

    /** Every capability Linux 6.x knows, in number order (CAP_CHOWN is 0). */
    public static final List<String> ALL = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
            "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
            "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");

    /**
     * The capabilities this process may still hand out, from its bounding set (CapBnd in
     * /proc/self/status): what --privileged grants, as Podman does. A sandboxed host may have dropped
     * some, and a runtime asked for those fails with "unable to apply caps".
     */
    public static List<String> bounding() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    return fromMask(Long.parseUnsignedLong(line.substring(7).strip(), 16));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // Falls through to the default set, which every runtime can grant.
        }
        return DEFAULT;
    }

    static List<String> fromMask(long mask) {
        List<String> names = new java.util.ArrayList<>();
        for (int bit = 0; bit < ALL.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                names.add(ALL.get(bit));
            }
        }
        return List.copyOf(names);
    }

    private Capabilities() {
    }

    /**
     * A non-root process keeps the bounding set (so a setuid binary can regain them) but starts with
     * no effective or permitted capabilities, as it would on a host.
     */
    public static Map<String, Object> forUser(ResolvedUser user, List<String> bounding) {
        List<String> granted = user.uid() == 0 ? bounding : List.of();
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("bounding", bounding);
        sets.put("effective", granted);
        sets.put("permitted", granted);
        sets.put("inheritable", List.of());
        sets.put("ambient", List.of());
        return sets;
    }
}
