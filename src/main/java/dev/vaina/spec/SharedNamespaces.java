package dev.vaina.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernel namespaces a pod's members share with its infra container, from {@code --share}: a list of
 * cgroup, ipc, net, pid and uts, "none", or "+pid" style additions to the default.
 */
public final class SharedNamespaces {
    /** Podman's default, in Podman's order. */
    public static final List<String> DEFAULT = List.of("cgroup", "ipc", "net", "uts");
    private static final List<String> KNOWN = List.of("cgroup", "ipc", "net", "pid", "uts");

    private SharedNamespaces() {
    }

    /** @param text the --share value, or null for the default */
    public static List<String> parse(String text) {
        if (text == null) {
            return DEFAULT;
        }
        String trimmed = text.strip();
        if (trimmed.equals("none")) {
            return List.of();
        }
        boolean add = trimmed.startsWith("+");
        Set<String> shared = new LinkedHashSet<>(add ? DEFAULT : List.of());
        for (String item : (add ? trimmed.substring(1) : trimmed).split(",")) {
            String namespace = item.strip();
            if (!KNOWN.contains(namespace)) {
                throw new InvalidSpecException("invalid kernel namespace to share: " + namespace
                        + ". Options are: cgroup, ipc, net, pid, uts or none");
            }
            shared.add(namespace);
        }
        List<String> ordered = new ArrayList<>();
        KNOWN.stream().filter(shared::contains).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
