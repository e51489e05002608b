package dev.vaina.launch;

import dev.vaina.oci.OciRuntime;
import dev.vaina.store.ContainerRecord;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line the launcher execs: unshare (a private mount namespace, so the rootfs mount
 * disappears with the monitor whatever kills it; rootless also a user namespace holding the user's
 * subordinate ids) and then the monitor's wrapper, installed beside the jar: it holds the JVM flags and the
 * class-data archive measured for a long-lived, per-container process.
 */
final class MonitorCommand {
    private MonitorCommand() {
    }

    /** @param pod the namespaces of the container's pod, or null */
    static List<String> build(ContainerRecord record, boolean rootless, OciRuntime runtime, ContainerPaths paths,
            List<Path> lowers, PodNamespaces pod) {
        List<String> argv = new ArrayList<>();
        if (rootless && pod != null) {
            // A pod member enters the user namespace of the infra container, which owns the namespaces it joins.
            argv.addAll(List.of("/usr/bin/nsenter", "--preserve-credentials", "--user=" + pod.userNamespace(), "--"));
        }
        argv.add("/usr/bin/unshare");
        if (rootless && pod == null) {
            argv.addAll(List.of("--user", "--map-users=auto", "--map-groups=auto", "--map-root-user"));
        }
        argv.addAll(List.of("--mount", "--propagation", "private", "--"));
        argv.add(wrapper().toString());
        argv.addAll(List.of(
                "--id", record.id(),
                "--bundle", paths.bundle().toString(),
                "--runtime", runtime.path().toString(),
                "--runtime-root", paths.layout().runtimeRoot().toString(),
                "--log", paths.log().toString(),
                "--exit-file", paths.exitFile().toString(),
                "--pid-file", paths.pidFile().toString(),
                "--error-file", paths.errorFile().toString(),
                "--attach-socket", paths.attachSocket().toString(),
                "--stop-signal", Integer.toString(record.config().stopSignal()),
                "--stop-timeout", Integer.toString(record.config().stopTimeout()),
                "--overlay", overlayOptions(paths, lowers),
                "--rootfs", paths.rootfs().toString()));
        if (record.config().tty()) {
            argv.add("--terminal");
        }
        if (record.config().interactive()) {
            argv.add("--interactive");
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
        Path jar;
        try {
            jar = Path.of(MonitorCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate vaina's jar", e);
        }
        Path wrapper = jar.resolveSibling("vaina-monitor");
        if (!Files.isExecutable(wrapper)) {
            throw new IllegalStateException("cannot find the monitor at " + wrapper + ": install vaina with install.sh");
        }
        return wrapper;
    }
}
