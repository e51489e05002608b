package dev.vaina.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Linux capability names as --cap-add and --cap-drop take them: any case, with or without CAP_, or ALL. */
public final class CapabilityNames {
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

    public static final String EVERY = "ALL";

    private CapabilityNames() {
    }

    /** "net_admin" and "CAP_NET_ADMIN" become "CAP_NET_ADMIN"; "all" becomes "ALL"; unknown names are refused. */
    public static List<String> normalize(List<String> names) {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            String normal = upper.equals(EVERY) ? EVERY : upper.startsWith("CAP_") ? upper : "CAP_" + upper;
            if (!normal.equals(EVERY) && !ALL.contains(normal)) {
                throw new InvalidSpecException("\"" + normal + "\": unknown capability");
            }
            if (!result.contains(normal)) {
                result.add(normal);
            }
        }
        return List.copyOf(result);
    }
}
