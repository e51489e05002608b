package dev.vaina.launch;

import dev.vaina.store.ContainerRecord;
import dev.vaina.store.OwnProcess;
import dev.vaina.store.PodRecord;
import dev.vaina.store.PodStore;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The namespaces a pod member joins besides the network: those its pod shares, held by the infra container's
 * init process. (The network is joined as --network container:INFRA joins it, see {@link NetworkSetup}.)
 * Rootless, that process also names the user namespace the member's monitor must enter, since only a
 * process in the user namespace that owns a namespace can join it.
 *
 * @param holderPid  the infra container's init process
 * @param namespaces OCI namespace type to its /proc path
 */
record PodNamespaces(long holderPid, Map<String, Path> namespaces) {
    private static final Map<String, String> OCI_TYPES = Map.of(
            "ipc", "ipc", "uts", "uts", "pid", "pid", "cgroup", "cgroup");

    /** Null for a container outside any pod, an infra container, or a pod that shares nothing. */
    static PodNamespaces of(StoreLayout layout, ContainerRecord record) throws IOException {
        if (!record.inPod() || record.infra()) {
            return null;
        }
        // Neither here nor below a lambda or ProcessHandle: a launcher links none (each call site a class spun at
        // run time), and ProcessHandle's reaper set-up cost a member's start some 5 ms.
        Optional<PodRecord> found = new PodStore(layout).lookup(record.pod());
        if (found.isEmpty()) {
            throw new IOException("the pod of container " + record.name() + " no longer exists");
        }
        PodRecord pod = found.get();
        if (!pod.hasInfra() || pod.shared().isEmpty()) {
            return null;
        }
        long pid = infraPid(layout, pod);
        Map<String, Path> namespaces = new LinkedHashMap<>();
        for (String shared : pod.shared()) {
            if (!OCI_TYPES.containsKey(shared)) {
                continue;
            }
            Path path = Path.of("/proc", Long.toString(pid), "ns", shared);
            if (shared.equals("cgroup") && !privateCgroupNamespace(path)) {
                // The infra container has no cgroup namespace of its own (cgroup v1 hosts): nothing to share.
                continue;
            }
            namespaces.put(OCI_TYPES.get(shared), path);
        }
        return new PodNamespaces(pid, namespaces);
    }

    Path userNamespace() {
        return Path.of("/proc", Long.toString(holderPid), "ns", "user");
    }

    private static long infraPid(StoreLayout layout, PodRecord pod) throws IOException {
        ContainerPaths infra = new ContainerPaths(layout, pod.infraId());
        try {
            long pid = Long.parseLong(Files.readString(infra.pidFile()).strip());
            if (!Files.exists(infra.exitFile()) && OwnProcess.exists(pid)) {
                return pid;
            }
        } catch (NoSuchFileException | NumberFormatException e) {
            // not running: said below
        }
        throw new IOException("the infra container of pod " + pod.name() + " is not running: start the pod with"
                + " 'vaina pod start " + pod.name() + "'");
    }

    private static boolean privateCgroupNamespace(Path path) throws IOException {
        return !Files.readSymbolicLink(path).equals(Files.readSymbolicLink(Path.of("/proc/self/ns/cgroup")));
    }
}
