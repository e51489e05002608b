package dev.vaina.launch;

import dev.vaina.oci.BindMount;
import dev.vaina.oci.RootfsFiles;
import dev.vaina.oci.RuntimeSpecBuilder;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The bundle's config.json for a container record, with its files looked up through the layer stack. */
final class BundleConfig {
    private BundleConfig() {
    }

    /** @param pod the namespaces of its pod that the container joins besides the network, or null */
    static String render(ContainerRecord record, boolean rootless, ContainerPaths paths, List<Path> lowers,
            NetworkSetup.Prepared network, PodNamespaces pod) throws IOException {
        EtcFiles etc = network.etc();
        List<BindMount> mounts = new ArrayList<>();
        mounts.add(new BindMount(etc.hostnameFile(), "/etc/hostname", false));
        if (etc.hostsFile() != null) {
            mounts.add(new BindMount(etc.hostsFile(), "/etc/hosts", false));
        }
        mounts.add(new BindMount(etc.resolvConf(), "/etc/resolv.conf", false));
        RuntimeSpecBuilder builder = RuntimeSpecBuilder.forContainer(record.id(), record.config(), record.imageConfig());
        if (pod != null) {
            pod.namespaces().forEach(builder::joinNamespace);
        }
        builder                .rootfs(paths.rootfs())
                .rootless(rootless)
                .volumeData(paths.layout()::volumeData)
                .rootfsFiles(layerStack(paths.upper(), lowers))
                .newNetworkNamespace(!network.hostNetwork())
                .extraMounts(mounts);
        if (network.joinNetns() != null) {
            builder.joinNamespace("network", network.joinNetns());
        }
        MountOwnership.apply(record, paths.layout(), builder.build());
        return builder.toJson();
    }

    /**
     * Finds a file the way the overlay will show it: the writable layer first, then the image's layers
     * from the top. Whiteouts are not consulted; a deleted /etc/passwd is rare enough to accept that.
     */
    private static RootfsFiles layerStack(Path upper, List<Path> lowers) {
        List<Path> stack = new ArrayList<>();
        stack.add(upper);
        stack.addAll(lowers);
        return relativePath -> {
            for (Path layer : stack) {
                Path file = layer.resolve(relativePath);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && insideLayer(layer, file)) {
                    return Optional.of(file);
                }
            }
            return Optional.empty();
        };
    }

    /** A link in a parent directory must not lead the lookup to the host's own /etc. */
    private static boolean insideLayer(Path layer, Path file) {
        try {
            return file.toRealPath().startsWith(layer.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
