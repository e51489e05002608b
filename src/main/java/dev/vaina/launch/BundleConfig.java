package dev.vaina.launch;

import dev.vaina.oci.BindMount;
import dev.vaina.oci.RuntimeSpecBuilder;
import dev.vaina.oci.SeccompCache;
import dev.vaina.spec.NotifyMode;
import dev.vaina.spec.Timezones;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bundle's config.json for a container record, with its files looked up through the layer stack. */
final class BundleConfig {
    static final String NOTIFY_SOCKET_IN_CONTAINER = "/run/notify/notify.sock";

    private BundleConfig() {
    }

    /**
     * @param pod     the namespaces of its pod that the container joins besides the network, or null
     * @param sockets the listening sockets of a socket-activated unit, which the container inherits
     */
    static String render(ContainerRecord record, boolean rootless, ContainerPaths paths, LayerStack layers,
            NetworkSetup.Prepared network, PodNamespaces pod, SocketActivation sockets) throws IOException {
        EtcFiles etc = network.etc();
        List<BindMount> mounts = new ArrayList<>();
        mounts.add(new BindMount(etc.hostnameFile(), "/etc/hostname", false));
        if (etc.hostsFile() != null) {
            mounts.add(new BindMount(etc.hostsFile(), "/etc/hosts", false));
        }
        mounts.add(new BindMount(etc.resolvConf(), "/etc/resolv.conf", false));
        mounts.add(new BindMount(ContainerEnvFile.write(paths.runDir(), record, rootless), ContainerEnvFile.PATH, true));
        mounts.addAll(KeepIdEntries.write(record, paths.layout(), paths, layers));
        if (record.config().timezone() != null) {
            mounts.add(new BindMount(Timezones.zoneFile(record.config().timezone()), "/etc/localtime", true));
        }
        RuntimeSpecBuilder builder = RuntimeSpecBuilder.forContainer(record.id(), record.config(), record.imageConfig());
        if (pod != null) {
            // A loop, not a method reference: the launcher's archive holds the call sites of a start outside a pod.
            for (Map.Entry<String, Path> namespace : pod.namespaces().entrySet()) {
                builder.joinNamespace(namespace.getKey(), namespace.getValue());
            }
        }
        builder.rootfs(paths.rootfs())
                .seccompCache(new SeccompCache(paths.layout().runRoot().resolve("seccomp")))
                .rootless(rootless)
                .volumeData(paths.layout()::volumeData)
                .volumeOverlays(paths.layout().containerVolumeOverlays(record))
                .rootfsFiles(layers)
                .newNetworkNamespace(!network.hostNetwork())
                .extraMounts(mounts)
                .extraEnvironment(sockets.containerEnvironment());
        if (network.joinNetns() != null) {
            builder.joinNamespace("network", network.joinNetns());
        }
        if (record.config().sdNotify() == NotifyMode.CONTAINER) {
            passNotifySocket(builder, paths);
        }
        // Built once: the user it resolves (the image's passwd and group files) and the seccomp filter it converts
        // cost the start some milliseconds each.
        Map<String, Object> spec = builder.build();
        MountOwnership.apply(record, paths.layout(), spec);
        return RuntimeSpecBuilder.toJson(spec);
    }

    /**
     * --sdnotify=container: the monitor's notify socket, bind-mounted into the container, so that the workload
     * tells systemd itself when it is ready; the monitor passes its messages on (monitor.NotifyProxy). The
     * socket is bound when the monitor starts, before the runtime starts the container.
     */
    private static void passNotifySocket(RuntimeSpecBuilder builder, ContainerPaths paths) throws IOException {
        // Its directory, which is there before the socket: the socket shows in it once the monitor binds it.
        Path dir = Files.createDirectories(paths.notifySocket().getParent());
        builder.extraMounts(List.of(new BindMount(dir, Path.of(NOTIFY_SOCKET_IN_CONTAINER).getParent().toString(), false)));
        builder.extraEnvironment(Map.of("NOTIFY_SOCKET", NOTIFY_SOCKET_IN_CONTAINER));
    }
}
