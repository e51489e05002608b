package dev.vaina.launch;

import dev.vaina.net.PublishedPorts;
import dev.vaina.oci.OciRuntime;
import dev.vaina.spec.LogConfig;
import dev.vaina.spec.PortMapping;
import dev.vaina.store.ContainerIds;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The monitor's command line: unshare (a private mount namespace, so the rootfs mount disappears with the monitor
 * whatever kills it; rootless also a user namespace holding the user's subordinate ids), the monitor's wrapper,
 * installed beside the jar (it holds the JVM flags and the class-data archive measured for a long-lived,
 * per-container process), and the monitor's options.
 */
final class MonitorCommand {
    private MonitorCommand() {
    }

    /**
     * The command that starts the monitor, up to its own options: they follow through {@link MonitorStart}. For
     * root's containers it is always {@code unshare --mount --propagation slave -- vaina-monitor --id ID}, which
     * root's launcher wrapper (written by scripts/install-files.sh) runs itself: the two must stay alike.
     *
     * @param networkUserNamespaceOf the process whose user namespace the container's network belongs to (rootless,
     *                               {@link NetworkSetup.Prepared#joinUserNamespaceOf}), or 0
     * @param joinMountNamespace     whether the monitor also joins that process's mount namespace
     * @param pod the namespaces of the container's pod, or null
     */
    static List<String> start(ContainerRecord record, boolean rootless, ContainerPaths paths,
            long networkUserNamespaceOf, boolean joinMountNamespace, PodNamespaces pod) throws IOException {
        List<String> argv = new ArrayList<>();
        long joinUserNamespaceOf = networkUserNamespaceOf > 0 ? networkUserNamespaceOf
                : rootless && pod != null ? pod.holderPid() : 0;
        if (joinUserNamespaceOf > 0) {
            // A pod member, or --network container:X, rootless: the namespaces it joins belong to the user
            // namespace of the container that holds them, and only a process inside that user namespace may
            // join them; so this monitor lives there too.
            argv.addAll(List.of("/usr/bin/nsenter", "--preserve-credentials",
                    "--user=/proc/" + joinUserNamespaceOf + "/ns/user"));
            if (joinMountNamespace) {
                // On a named network, rootless: its network namespace's file is bound in the holder's.
                argv.add("--mount=/proc/" + joinUserNamespaceOf + "/ns/mnt");
            }
            argv.add("--");
        }
        argv.add("/usr/bin/unshare");
        if (rootless && joinUserNamespaceOf <= 0) {
            argv.addAll(ContainerIds.unshareOptions(paths.layout()));
        }
        // A slave of the host's mount namespace: the monitor's own mounts stay private to it, while the
        // removal of another container's network namespace file (see NetnsFiles) reaches its copy too.
        argv.addAll(List.of("--mount", "--propagation", "slave", "--"));
        argv.add(wrapper().toString());
        // Before its options come: the command line tells whose monitor this is (see engine.Liveness).
        argv.addAll(List.of("--id", record.id()));
        return argv;
    }

    /** The monitor's options but {@code --id}, which {@link #start} gives. */
    static List<String> options(ContainerRecord record, boolean rootless, OciRuntime runtime, ContainerPaths paths,
            List<Path> lowers, NetworkSetup.Prepared network, Removal removal) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.addAll(List.of(
                "--bundle", paths.bundle().toString(),
                "--runtime", runtime.path().toString(),
                "--runtime-root", paths.layout().runtimeRoot().toString(),
                "--log", paths.layout().containerLog(record).toString(),
                "--exit-file", paths.exitFile().toString(),
                "--pid-file", paths.pidFile().toString(),
                "--error-file", paths.errorFile().toString(),
                "--attach-socket", paths.attachSocket().toString(),
                "--stop-signal", Integer.toString(record.config().stopSignal()),
                "--stop-timeout", Integer.toString(record.config().stopTimeout()),
                "--overlay", overlayOptions(paths, lowers),
                "--rootfs", paths.rootfs().toString()));
        if (!network.joinMountNamespace()) {
            // The monitor cleans up after the container itself: the unit's ExecStopPost then has nothing to do.
            // Not from inside the holder of rootless named networks, whose namespaces it would have to leave for
            // netavark's teardown and the host's mounts: ExecStopPost's cleanup, outside, does all of it.
            argv.addAll(List.of("--store-root", paths.layout().dataRoot().toString(),
                    "--store-runroot", paths.layout().runRoot().toString()));
            if (rootless) {
                argv.add("--rootless");
            }
            if (removal != null) {
                argv.add("--remove");
                if (removal.unitFile() != null) {
                    argv.addAll(List.of("--unit-file", removal.unitFile().toString()));
                }
            }
        }
        LogConfig log = record.config().log();
        if (!log.driver().equals(LogConfig.K8S_FILE)) {
            // journald is passthrough: the unit's own output goes to the journal.
            argv.addAll(List.of("--log-driver", log.driver().equals(LogConfig.NONE) ? "none" : "passthrough"));
        }
        if (record.config().timeout() > 0) {
            argv.addAll(List.of("--timeout", Integer.toString(record.config().timeout())));
        }
        if (log.maxSize() > 0) {
            argv.addAll(List.of("--log-max-size", Long.toString(log.maxSize())));
        }
        if (record.config().tty()) {
            argv.add("--terminal");
        }
        if (record.config().interactive()) {
            argv.add("--interactive");
        }
        switch (record.config().sdNotify()) {
            case HEALTHY -> argv.addAll(List.of("--ready-when", paths.healthyMarker().toString()));
            case CONTAINER -> argv.addAll(List.of("--notify-proxy", paths.notifySocket().toString()));
            default -> {
            }
        }
        if (record.config().handedOverToSystemd()) {
            // The unit's KillSignal= (see engine.ContainerUnitFiles), which reaches the monitor while it runs.
            argv.add("--killed-with-stop-signal");
        }
        if (record.config().handedOverToSystemd() && network.forwardTo() == null) {
            // The forwarder of published ports runs in the monitor; pasta and slirp4netns run on without it.
            argv.addAll(List.of("--hand-over", paths.handOverFile().toString()));
        }
        if (network.helper() != null) {
            argv.addAll(List.of("--network-helper", network.helper(), "--network-dir", paths.runDir().toString(),
                    "--network-socket", NetworkSetup.helperSocket(paths).toString()));
        } else if (network.forwardTo() != null) {
            argv.addAll(List.of("--forward-to", network.forwardTo(),
                    "--forward-netns", "/proc/" + network.joinUserNamespaceOf() + "/ns/net"));
        }
        if (network.helper() != null || network.forwardTo() != null) {
            for (PortMapping port : network.ports()) {
                argv.add("--publish");
                argv.add(PublishedPorts.encode(port));
            }
        }
        return argv;
    }

    static String overlayOptions(ContainerPaths paths, List<Path> lowers) {
        // Layers mark opaque directories with user.* xattrs, rootful and rootless alike (see LayerExtractor).
        return "userxattr,lowerdir=" + lowers.stream().map(Path::toString).collect(Collectors.joining(":"))
                + ",upperdir=" + paths.upper() + ",workdir=" + paths.work();
    }

    /** The launcher's environment, with malloc kept to two arenas: the monitor's threads barely allocate. */
    static Map<String, String> environment(Map<String, String> launcher) {
        Map<String, String> env = new HashMap<>(launcher);
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    private static Path wrapper() {
        return Installed.beside("vaina-monitor");
    }
}
