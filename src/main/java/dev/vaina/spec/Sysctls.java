package dev.vaina.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * --sysctl KEY=VALUE, limited as Podman limits it to the keys a container's own namespaces hold: IPC
 * (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*) and network (net.*, not with the host's network).
 */
public final class Sysctls {
    private static final Set<String> IPC_KEYS = Set.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni",
            "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

    private Sysctls() {
    }

    public static Map<String, String> parse(List<String> entries) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new InvalidSpecException(entry + " is invalid, sysctl values must be in the form of KEY=VALUE");
            }
            sysctls.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return validate(sysctls);
    }

    static Map<String, String> validate(Map<String, String> sysctls) {
        for (String key : sysctls.keySet()) {
            if (!IPC_KEYS.contains(key) && !key.startsWith("fs.mqueue.") && !isNetwork(key)) {
                throw new InvalidSpecException("sysctl '" + key + "' is not allowed");
            }
        }
        return sysctls;
    }

    public static boolean isNetwork(String key) {
        return key.startsWith("net.");
    }
}
