package dev.vaina.launch;

import dev.vaina.oci.BindMount;
import dev.vaina.oci.RuntimeSpecBuilder;
import dev.vaina.spec.Timezones;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The bundle's config.json for a container record, with its files looked up through the layer stack. */
final class BundleConfig {
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
        if (record.config().timezone() != null) {
            mounts.add(new BindMount(Timezones.zoneFile(record.config().timezone()), "/etc/localtime", true));
        }
        RuntimeSpecBuilder builder = RuntimeSpecBuilder.forContainer(record.id(), record.config(), record.imageConfig());
        if (pod != null) {
            pod.namespaces().forEach(builder::joinNamespace);
        }
        builder.rootfs(paths.rootfs())
                .rootless(rootless)
                .volumeData(paths.layout()::volumeData)
                .rootfsFiles(layers)
                .newNetworkNamespace(!network.hostNetwork())
                .extraMounts(mounts)
                .extraEnvironment(sockets.containerEnvironment());
        if (network.joinNetns() != null) {
            builder.joinNamespace("network", network.joinNetns());
        }
        MountOwnership.apply(record, paths.layout(), builder.build());
        return builder.toJson();
    }
}
