package dev.vaina.launch;

import dev.vaina.net.BridgeAddresses;
import dev.vaina.net.ContainerView;
import dev.vaina.net.HostPorts;
import dev.vaina.net.Netavark;
import dev.vaina.net.NetnsFiles;
import dev.vaina.net.NetworkHelpers;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.PortMapping;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.StoreLayout;
import dev.vaina.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher's part of a container's network, decided by its --network mode:
 * <ul>
 * <li>default, rootful: a network namespace bound under the run root, attached to vaina's bridge by
 * netavark, the published ports held open by this process (and, after exec, by the monitor);</li>
 * <li>default rootless, pasta, slirp4netns: the runtime makes the namespace; the published ports are
 * checked here and the monitor starts the helper;</li>
 * <li>none: the runtime's namespace with loopback only; host: no namespace;</li>
 * <li>ns:PATH and container:X: the runtime joins that namespace (rootless, the monitor joins X's user
 * namespace first: only a process in the user namespace that owns a network namespace may join it).</li>
 * </ul>
 * Everything made here is undone by {@link #undo}, which the cleanup runs whatever happened.
 */
final class NetworkSetup {
    private NetworkSetup() {
    }

    /** What the bundle and the monitor's command line need to know. */
    record Prepared(Path joinNetns, boolean hostNetwork, String helper, List<PortMapping> ports,
            long joinUserNamespaceOf, EtcFiles etc) {
    }

    static Prepared prepare(ContainerStore store, ContainerRecord record, ContainerPaths paths, String configuredHelper)
            throws IOException {
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
                if (!rootless) {
                    return bridge(store.layout(), record, paths, ports);
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

    @SuppressWarnings("try") // the netavark lock is held for its block, not used in it
    private static Prepared bridge(StoreLayout layout, ContainerRecord record, ContainerPaths paths,
            List<PortMapping> ports) throws IOException {
        // First the ports: a port in use must fail the start before anything else is made.
        HostPorts.hold(ports);
        String address = new BridgeAddresses(addressDir(layout)).allocate(record.id());
        AtomicFiles.write(addressFile(paths), address);
        Path netns = new NetnsFiles(netnsDir(layout)).create(record.id());
        try (StoreLock lock = netavarkLock(layout)) {
            new Netavark(netavarkConfig(layout), netavarkRequest(paths), record.id(), record.name(), address)
                    .connect(netns, ports);
        }
        return new Prepared(netns, false, null, ports, 0,
                EtcFiles.write(paths.runDir(), record, ContainerView.bridge(address)));
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
        long userNamespaceOf = store.layout().rootless() ? state.monitorPid() : 0;
        return new Prepared(Path.of("/proc", Long.toString(pid), "ns", "net"), false, null, List.of(), userNamespaceOf,
                EtcFiles.shared(paths.runDir(), record, targetPaths.runDir()));
    }

    /** Undoes {@link #prepare}: netavark's rules and veth, the namespace's file, the bridge address. */
    @SuppressWarnings("try") // the netavark lock is held for its block, not used in it
    static void undo(StoreLayout layout, ContainerPaths paths) throws IOException {
        NetnsFiles netns = new NetnsFiles(netnsDir(layout));
        try (StoreLock lock = netavarkLock(layout)) {
            Netavark.teardown(netavarkConfig(layout), netavarkRequest(paths), netns.path(paths.id()));
        }
        netns.delete(paths.id());
        Files.deleteIfExists(helperSocket(paths));
        Files.deleteIfExists(Path.of(helperSocket(paths) + ".log"));
        try {
            String address = Files.readString(addressFile(paths)).strip();
            new BridgeAddresses(addressDir(layout)).release(address, paths.id());
            Files.deleteIfExists(addressFile(paths));
        } catch (NoSuchFileException e) {
            // No bridge address was taken.
        }
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

    /**
     * One netavark at a time: two that set up or tear down the same bridge at once race on its firewall
     * chains ("iptables: Chain already exists"), which is why Podman serialises them too.
     */
    private static StoreLock netavarkLock(StoreLayout layout) throws IOException {
        Path config = netavarkConfig(layout);
        Files.createDirectories(config);
        return StoreLock.acquire(config.resolve("netavark.lock"));
    }

    private static Path netnsDir(StoreLayout layout) {
        return layout.runRoot().resolve("netns");
    }

    private static Path netavarkConfig(StoreLayout layout) {
        return layout.runRoot().resolve("networks").resolve("netavark");
    }

    private static Path addressDir(StoreLayout layout) {
        return layout.runRoot().resolve("networks").resolve("addresses");
    }

    private static Path netavarkRequest(ContainerPaths paths) {
        return paths.runDir().resolve("netavark.json");
    }

    private static Path addressFile(ContainerPaths paths) {
        return paths.runDir().resolve("address");
    }
}
