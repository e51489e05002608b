package dev.vaina.oci;

import dev.vaina.spec.CapabilityNames;
import dev.vaina.spec.SecurityOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The process's capability sets: Podman's default set, with nothing effective for a non-root user. */
public final class Capabilities {
    public static final List<String> DEFAULT = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_NET_BIND_SERVICE",
            "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT");

    /** Every capability Linux 6.x knows, in number order (CAP_CHOWN is 0). */
    public static final List<String> ALL = CapabilityNames.ALL;

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
     * The container's capabilities: Podman's default set (or, --privileged, all the host allows), less
     * --cap-drop, plus --cap-add. ALL in either list means every one.
     */
    public static List<String> of(SecurityOptions security) {
        List<String> granted = new ArrayList<>(security.privileged() ? bounding() : DEFAULT);
        if (security.capDrop().contains(CapabilityNames.EVERY)) {
            granted.clear();
        }
        granted.removeAll(security.capDrop());
        if (security.capAdd().contains(CapabilityNames.EVERY)) {
            granted.addAll(bounding());
        } else {
            granted.addAll(security.capAdd());
        }
        return List.copyOf(new LinkedHashSet<>(granted));
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
