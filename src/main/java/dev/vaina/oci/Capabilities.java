package dev.vaina.oci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The process's capability sets: Podman's default set, with nothing effective for a non-root user. */
public final class Capabilities {
    public static final List<String> DEFAULT = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_NET_BIND_SERVICE",
            "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT");

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
