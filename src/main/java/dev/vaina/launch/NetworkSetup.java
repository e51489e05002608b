package dev.vaina.launch;

import dev.vaina.net.ContainerView;
import dev.vaina.net.HostPorts;
import dev.vaina.net.NetnsFiles;
import dev.vaina.net.NetworkHelpers;
import dev.vaina.net.RootlessNetns;
import dev.vaina.net.VainaBridge;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.PortMapping;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.NetworkStore;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's part of a container's network, decided by its --network mode:
 * <ul>
 * <li>default, rootful: a network namespace bound under the run root, attached to vaina's bridge by
 * netavark, the published ports held open by this process and then by the monitor;</li>
 * <li>default rootless, pasta, slirp4netns: the runtime makes the namespace; the published ports are
 * checked here and the monitor starts the helper;</li>
 * <li>none: the runtime's namespace with loopback only; host: no namespace;</li>
 * <li>ns:PATH and container:X: the runtime joins that namespace (rootless, the monitor joins X's user
 * namespace first: only a process in the user namespace that owns a network namespace may join it);</li>
 * <li>named networks rootless: as rootful, but inside the namespaces of the user's holder
 * ({@link RootlessNetns}), whose user and mount namespaces the monitor joins; the published ports are checked
 * here, and the monitor forwards them into the holder's network namespace ({@link dev.vaina.net.PortForwarder}).</li>
 * </ul>
 * Everything made here is undone by {@link #undo}, which the cleanup runs whatever happened.
 */
final class NetworkSetup {
    private NetworkSetup() {
    }

    /**
     * What the bundle and the monitor's command line need to know.
     *
     * @param forwardTo the container's address the monitor forwards {@code ports} to, from inside the network
     *                  namespace of the process {@code joinUserNamespaceOf} (rootless, on a named network); or null
     * @param attaching the last bridge network's netavark setup, still running (see {@link #ready}); or null
     * @param heldPorts the sockets bound to the published ports, which the monitor holds while the container runs
     */
    record Prepared(Path joinNetns, boolean hostNetwork, String helper, List<PortMapping> ports,
            long joinUserNamespaceOf, boolean joinMountNamespace, String forwardTo, EtcFiles etc,
            BridgeNetworks.Attaching attaching, List<Integer> heldPorts) {
        Prepared(Path joinNetns, boolean hostNetwork, String helper, List<PortMapping> ports, long joinUserNamespaceOf,
                EtcFiles etc) {
            this(joinNetns, hostNetwork, helper, ports, joinUserNamespaceOf, false, null, etc, null, List.of());
        }

        /** Waits until the network is set up: call it before the container starts, and on every way out. */
        void ready() throws IOException {
            if (attaching != null) {
                attaching.finish();
            }
        }
    }

    /**
     * Starts the container's monitor while the network is being set up (rootful, on bridge networks): before the
     * namespace is made and netavark runs, so that the monitor's JVM starts beside them.
     */
    interface EarlyMonitor {
        /** @param heldPorts the sockets bound to the published ports, which the monitor inherits */
        void start(List<Integer> heldPorts) throws IOException;
    }

    /** @param early called once the monitor may start, when that is before the network is set up */
    static Prepared prepare(ContainerStore store, ContainerRecord record, ContainerPaths paths, String configuredHelper,
            EarlyMonitor early) throws IOException {
        NetworkMode mode = record.config().network().networkMode();
        List<PortMapping> ports = record.config().network().ports();
        boolean rootless = store.layout().rootless();
        Path runDir = paths.runDir();
        switch (mode.kind()) {
            case NONE:
                return new Prepared(null, false, null, List.of(), 0, EtcFiles.write(runDir, record, ContainerView.isolated()));
            case HOST:
                return new Prepared(null, true, null, List.of(), 0, EtcFiles.write(runDir, record, ContainerView.host()));
            case NS:
                return new Prepared(Path.of(mode.value()), false, null, List.of(), 0,
                        EtcFiles.write(runDir, record, ContainerView.isolated()));
            case CONTAINER:
                return joinContainer(store, record, paths, mode.value());
            case DEFAULT:
                if (!rootless || !store.networks(record).isEmpty()) {
                    return bridge(store, record, paths, ports, early);
                }
                return helper(record, runDir, NetworkHelpers.choose(configuredHelper), ports);
            default:
                return helper(record, runDir, mode.toString(), ports);
        }
    }

    private static Prepared helper(ContainerRecord record, Path runDir, String helper, List<PortMapping> ports)
            throws IOException {
        HostPorts.checkFree(ports);
        ContainerView view = NetworkHelpers.PASTA.equals(helper) ? ContainerView.pasta() : ContainerView.slirp4netns();
        return new Prepared(null, false, helper, ports, 0, EtcFiles.write(runDir, record, view));
    }

    private static Prepared bridge(ContainerStore store, ContainerRecord record, ContainerPaths paths,
            List<PortMapping> ports, EarlyMonitor early) throws IOException {
        StoreLayout layout = store.layout();
        // First the ports: a port in use must fail the start before anything else is made. Rootful they are held
        // by the monitor, which inherits them; rootless the monitor binds them again to forward them.
        List<Integer> held = List.of();
        if (layout.rootless()) {
            HostPorts.checkFree(ports);
        } else {
            held = HostPorts.hold(ports);
        }
        List<NetworkAttachment> attachments = store.networks(record);
        if (attachments.isEmpty()) {
            attachments = List.of(NetworkAttachment.named(VainaBridge.NAME));
        }
        BridgeNetworks networks = BridgeNetworks.of(layout);
        NetnsFiles netnsFiles = networks.netnsFiles();
        if (!layout.rootless()) {
            // The monitor's mount namespace, a slave of this one, is made now; the namespaces' directory is a
            // shared mount, so the namespace bound there below reaches the monitor's copy too.
            netnsFiles.share();
            early.start(held);
        }
        Path netns = netnsFiles.create(record.id());
        BridgeNetworks.Attached first = null;
        List<String> dnsServers = new ArrayList<>();
        BridgeNetworks.Attaching last = null;
        try {
            for (NetworkAttachment attachment : attachments) {
                if (last != null) {
                    last.finish(); // one netavark at a time: the next one waits for its lock
                }
                NetworkDefinition network = definition(layout, attachment.network());
                // Published ports are forwarded to the first network's address, as Podman does: rootful by
                // netavark's DNAT, rootless by the monitor (the holder's pasta forwards nothing to its rules).
                boolean forwardedByNetavark = first == null && !layout.rootless();
                last = networks.startAttach(record.id(), record.name(), paths.runDir(), netns, network, attachment,
                        forwardedByNetavark ? ports : List.of());
                BridgeNetworks.Attached attached = last.attached();
                first = first == null ? attached : first;
                if (attached.dns() && !dnsServers.contains(attached.gateway())) {
                    dnsServers.add(attached.gateway());
                }
            }
            if (!layout.rootless()) {
                return new Prepared(netns, false, null, ports, 0, false, null, EtcFiles.write(paths.runDir(), record,
                        ContainerView.networks(first.address(), first.gateway(), dnsServers)), last, held);
            }
            // The gateway is the holder, not the host: pasta's map of the host's gateway reaches the host.
            String host = ContainerView.pasta().hostAddress();
            return new Prepared(netns, false, null, ports, new RootlessNetns(layout.runRoot()).requireHolder(), true,
                    ports.isEmpty() ? null : first.address(),
                    EtcFiles.write(paths.runDir(), record, ContainerView.networks(first.address(), host, dnsServers)),
                    last, held);
        } catch (IOException | RuntimeException e) {
            finishQuietly(last);
            throw e;
        }
    }

    /** On a way out: the setup must end before the cleanup's teardown may begin. */
    static void finishQuietly(BridgeNetworks.Attaching attaching) {
        if (attaching != null) {
            try {
                attaching.finish();
            } catch (IOException | RuntimeException ignored) {
                // The failure that led here is the one reported.
            }
        }
    }

    /** A network by name: vaina's default, or one made by network create. */
    static NetworkDefinition definition(StoreLayout layout, String name) throws IOException {
        if (name.equals(VainaBridge.NAME)) {
            return VainaBridge.definition("");
        }
        return new NetworkStore(layout).lookup(name).orElseThrow(() -> new IOException(
                "unable to find network with name or ID " + name + ": network not found"));
    }

    private static Prepared joinContainer(ContainerStore store, ContainerRecord record, ContainerPaths paths,
            String other) throws IOException {
        ContainerRecord target = store.find(other);
        ContainerState state = store.state(target.id());
        ContainerPaths targetPaths = new ContainerPaths(store.layout(), target.id());
        long pid = readPid(targetPaths.pidFile());
        if (!state.isRunning() || pid <= 0 || !Files.exists(Path.of("/proc", Long.toString(pid)))) {
            throw new IOException("cannot join the network namespace of container " + target.name()
                    + ": it is not running");
        }
        // Its monitor's user namespace, or its init's, the same one, once the monitor has handed it over.
        long userNamespaceOf = !store.layout().rootless() ? 0
                : HandOver.read(targetPaths).isPresent() ? pid : state.monitorPid();
        return new Prepared(Path.of("/proc", Long.toString(pid), "ns", "net"), false, null, List.of(), userNamespaceOf,
                EtcFiles.shared(paths.runDir(), record, targetPaths.runDir()));
    }

    /**
     * Undoes {@link #prepare}: netavark's rules and veths, the namespace's file, the bridge addresses.
     *
     * @param hostMounts the mount namespace the launcher ran in, when this process is not in it (the monitor); or null
     */
    static void undo(StoreLayout layout, ContainerPaths paths, Path hostMounts) throws IOException {
        BridgeNetworks networks = BridgeNetworks.forTeardown(layout);
        NetnsFiles netns = networks.netnsFiles();
        networks.detachAll(paths.id(), paths.runDir(), netns.path(paths.id()));
        if (hostMounts != null) {
            netns.delete(paths.id(), hostMounts);
        } else {
            netns.delete(paths.id());
        }
        Files.deleteIfExists(helperSocket(paths));
        Files.deleteIfExists(Path.of(helperSocket(paths) + ".log"));
    }

    /** Where a helper's API socket goes (a short path: a socket's must fit in 108 bytes). */
    static Path helperSocket(ContainerPaths paths) {
        return Path.of(paths.attachSocket() + ".net");
    }

    private static long readPid(Path file) throws IOException {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (NoSuchFileException | NumberFormatException e) {
            return -1;
        }
    }

}
