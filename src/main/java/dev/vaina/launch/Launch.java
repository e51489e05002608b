package dev.vaina.launch;

import dev.vaina.linux.FdPassing;
import dev.vaina.linux.OwnCgroup;
import dev.vaina.linux.UnixStreamServer;
import dev.vaina.net.PortInUseException;
import dev.vaina.oci.OciRuntime;
import dev.vaina.oci.RuntimeProbe;
import dev.vaina.spec.Instants;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.HealthState;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Event;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The launcher's start: start the monitor, write the bundle, record the start, and hand the container to the monitor. */
final class Launch {
    private final ContainerStore store;
    private final String configuredRuntime;
    private final String configuredHelper;
    private final Removal removal;
    private final Path monitorSocket;
    private final String monitorId;
    /** Where the monitor started beside this launcher connects, once listening (closed when adopted); or null. */
    private UnixStreamServer listening;

    /**
     * @param removal how a detached --rm container goes once it has exited (its monitor removes it), or null
     * @param monitorSocket where the monitor that root's launcher wrapper started beside this launcher connects
     *                      ({@link MonitorStart#adopt}), or null when there is none
     * @param monitorId the {@code --id} that monitor was given: the unit's word for the container, which is not its
     *                  id when it is a name that looks like one (that monitor is then dismissed)
     */
    Launch(ContainerStore store, String configuredRuntime, String configuredHelper, Removal removal,
            Path monitorSocket, String monitorId) {
        this.store = store;
        this.configuredRuntime = configuredRuntime;
        this.configuredHelper = configuredHelper;
        this.removal = removal;
        this.monitorSocket = monitorSocket;
        this.monitorId = monitorId;
    }

    /** @param found the container's record as the launcher looked it up (read once, not twice), or null */
    void start(String id, ContainerRecord found) throws IOException {
        try {
            prepareAndHandOver(id, found);
        } catch (IOException | RuntimeException e) {
            // The socket file goes. The monitor started beside this launcher, should it wait there still, goes with
            // the unit's other processes once this one, the main one, has exited.
            if (listening != null) {
                try {
                    listening.close();
                } catch (IOException ignored) {
                    // Its file stays; the next start replaces it.
                }
            }
            throw e;
        }
    }

    private void prepareAndHandOver(String id, ContainerRecord found) throws IOException {
        ContainerRecord record = found != null ? found : store.read(id);
        StoreLayout layout = store.layout();
        ContainerPaths paths = new ContainerPaths(layout, id);
        boolean firstStart = !Files.exists(paths.upper());
        paths.createDirectories();
        paths.clearLastRun();
        HealthState.reset(layout, id);
        // A loop: the JDK's streams would be set up on the way to netavark.
        List<Path> lowers = new ArrayList<>();
        for (String layer : record.layers()) {
            lowers.add(layout.layer(layer));
        }
        for (Path lower : lowers) {
            if (!Files.isDirectory(lower)) {
                throw new IOException("layer " + lower.getFileName() + " of image " + record.imageName()
                        + " is missing from the store: pull or import the image again");
            }
        }
        if (firstStart && !lowers.isEmpty()) {
            // The overlay's root directory is the writable layer's: it keeps the image's mode (a / of 0555 stays so).
            Files.setAttribute(paths.upper(), "unix:mode", (Integer) Files.getAttribute(lowers.get(0), "unix:mode") & 07777);
        }
        // At every start, not only the first: a launch killed before it leaves the next one to do it.
        MappedLayers.giveUpperToRoot(record, layout, paths.upper());
        LayerStack layers = LayerStack.of(paths.upper(), lowers);
        String workdir = record.config().workingDir();
        if (workdir != null && !onVolume(record, workdir) && !layers.isDirectory(workdir)) {
            throw new MissingWorkdirException(workdir, id);
        }
        OverlayVolumes.prepare(record, layout);
        PodNamespaces pod = PodNamespaces.of(layout, record);
        SocketActivation sockets = SocketActivation.of(System.getenv());
        // Once JNA has loaded, beside the work above; the monitor started beside this launcher waits to connect.
        listening = listen();
        MonitorSpawn spawn = new MonitorSpawn(record, layout.rootless(), paths, pod, sockets, listening, monitorId);
        NetworkSetup.Prepared network;
        try {
            network = NetworkSetup.prepare(store, record, paths, configuredHelper, spawn::early);
        } catch (IOException | RuntimeException e) {
            if (spawn.monitor != null) {
                recordFailure(store, id, e);
                spawn.monitor.abandon();
            }
            throw e;
        }
        // netavark may still be setting the network up, and the monitor's JVM starting: the bundle is written meanwhile.
        MonitorStart monitor;
        try {
            monitor = spawn.monitor != null ? spawn.monitor : spawn.after(network);
        } catch (IOException | RuntimeException e) {
            NetworkSetup.finishQuietly(network.attaching());
            throw e;
        }
        try {
            String config = BundleConfig.render(record, layout.rootless(), paths, layers, network, pod, sockets);
            AtomicFiles.write(paths.bundle().resolve("config.json"), config);
            OciRuntime runtime = RuntimeProbe.choose(configuredRuntime);
            AtomicFiles.write(paths.runtimeFile(), runtime.path().toString());
            List<Path> mounted = MappedLayers.of(record, layout, lowers);
            RootfsAccess.open(record, layout, paths.rootfs());
            List<String> options = MonitorCommand.options(record, layout.rootless(), runtime, paths, mounted, network,
                    removal);
            if (sockets.count() > 0) {
                options.addAll(List.of("--preserve-fds", Integer.toString(sockets.count())));
            }
            long pid = monitor.awaitPid();
            if (monitor.adopted() && !BridgeNetworks.of(layout).netnsFiles().reaches(pid)) {
                // Started before the network namespaces' directory was shared (the first start since boot): the
                // namespace bound there would not reach its mount namespace. Dismissed, it exits; one started now
                // takes its place.
                monitor.abandon();
                monitor = spawn.anew(network);
                pid = monitor.awaitPid();
            }
            // The runtime's create, which these start, moves the container's init into a cgroup of its own: that
            // move shares this one's wait.
            OwnCgroup.rejoinAhead();
            monitor.sendOptions(options);
            // The runtime creates the container meanwhile: only its start waits for the main process, the record
            // and the network.
            monitor.makeMainProcess(pid);
            store.writeState(id, store.state(id).running(pid, Instants.format(Instant.now())));
            Journal.record(layout, Event.container("start", record));
            network.ready();
            // The units ordered after this one (a pod's members after its infra container's) start once the monitor
            // says it runs: systemd's children for them move into their units' cgroups, which shares this one's wait.
            OwnCgroup.rejoinAhead();
            monitor.start();
            spawn.dismissUnadopted();
        } catch (IOException | RuntimeException e) {
            // The setup must end before the cleanup's teardown may begin; and the reason must be on record before
            // the monitor, told nothing more, deletes what it created and runs that cleanup.
            NetworkSetup.finishQuietly(network.attaching());
            recordFailure(store, id, e);
            monitor.abandon();
            throw e;
        }
    }

    /**
     * Listens where the monitor started beside this launcher connects, when there is one. Root's wrapper starts it
     * for a container its unit names by id ({@code start ID}), with the command {@link MonitorCommand#start} makes for
     * every container of root's.
     */
    private UnixStreamServer listen() throws IOException {
        if (monitorSocket == null) {
            return null;
        }
        Files.createDirectories(monitorSocket.getParent());
        return UnixStreamServer.listen(monitorSocket, MonitorStart.CONNECT_MILLIS);
    }

    /**
     * Starts the monitor, or adopts the one started beside this launcher: during the network's setup when that
     * allows it ({@link NetworkSetup.EarlyMonitor}), else once it is under way.
     */
    private static final class MonitorSpawn {
        private final ContainerRecord record;
        private final boolean rootless;
        private final ContainerPaths paths;
        private final PodNamespaces pod;
        private final SocketActivation sockets;
        /** Where the monitor started beside the launcher connects, until adopted; or null. */
        private UnixStreamServer prestarted;
        private final String prestartedId;
        /** The monitor once started. */
        MonitorStart monitor;

        MonitorSpawn(ContainerRecord record, boolean rootless, ContainerPaths paths, PodNamespaces pod,
                SocketActivation sockets, UnixStreamServer prestarted, String prestartedId) {
            this.record = record;
            this.rootless = rootless;
            this.paths = paths;
            this.pod = pod;
            this.sockets = sockets;
            this.prestarted = prestarted;
            this.prestartedId = prestartedId;
        }

        void early(List<Integer> heldPorts) throws IOException {
            monitor = adoptOrSpawn(MonitorCommand.start(record, rootless, paths, 0, false, pod), heldPorts);
        }

        MonitorStart after(NetworkSetup.Prepared network) throws IOException {
            monitor = adoptOrSpawn(command(network), network.heldPorts());
            return monitor;
        }

        /** A monitor started now, in place of the one started beside the launcher. */
        MonitorStart anew(NetworkSetup.Prepared network) throws IOException {
            monitor = spawn(command(network), network.heldPorts());
            return monitor;
        }

        private List<String> command(NetworkSetup.Prepared network) throws IOException {
            return MonitorCommand.start(record, rootless, paths, network.joinUserNamespaceOf(),
                    network.joinMountNamespace(), pod);
        }

        private MonitorStart adoptOrSpawn(List<String> command, List<Integer> heldPorts) throws IOException {
            if (prestarted != null && !rootless && record.id().equals(prestartedId)
                    && heldPorts.size() <= FdPassing.MAX_FDS) {
                UnixStreamServer server = prestarted;
                prestarted = null;
                return MonitorStart.adopt(record.id(), server, heldPorts);
            }
            return spawn(command, heldPorts);
        }

        /**
         * The monitor started beside the launcher and not taken (for another id, or more host ports than one message
         * carries) is told nothing: it exits.
         */
        void dismissUnadopted() throws IOException {
            if (prestarted != null) {
                MonitorStart unadopted = MonitorStart.adopt(record.id(), prestarted, List.of());
                prestarted = null;
                unadopted.awaitPid();
                unadopted.abandon();
            }
        }

        private MonitorStart spawn(List<String> command, List<Integer> heldPorts) throws IOException {
            return MonitorStart.spawn(record.id(), command, MonitorCommand.environment(System.getenv()),
                    inherited(sockets, heldPorts));
        }
    }

    /** What the monitor keeps of this process's descriptors besides its stdio. */
    private static Set<Integer> inherited(SocketActivation sockets, List<Integer> heldPorts) {
        Set<Integer> fds = new HashSet<>(heldPorts);
        for (int i = 0; i < sockets.count(); i++) {
            fds.add(SocketActivation.FIRST_FD + i);
        }
        return fds;
    }

    /** A -w at or under a volume's destination is there once the volume is mounted, as Podman sees it. */
    private static boolean onVolume(ContainerRecord record, String workdir) {
        for (VolumeMount volume : record.config().volumes()) {
            String destination = volume.destination();
            int end = destination.length();
            while (end > 0 && destination.charAt(end - 1) == '/') {
                end--;
            }
            destination = destination.substring(0, end);
            if (workdir.equals(destination) || workdir.startsWith(destination + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Leaves the reason a start failed where the CLI and the cleanup look for it, unless a reason is there already:
     * the monitor's (it failed first, the runtime's create, and the launcher only found it gone), or this one's,
     * recorded before the monitor was let go.
     */
    static void recordFailure(ContainerStore store, String id, Exception e) {
        try {
            ContainerPaths paths = new ContainerPaths(store.layout(), id);
            if (Files.exists(paths.errorFile())) {
                return; // the monitor's, which failed first (the runtime's create) and said why
            }
            AtomicFiles.write(paths.errorFile(), e.getMessage() == null ? e.toString() : e.getMessage());
            if (!Files.exists(paths.exitFile())) {
                // Podman's code for a published port that is taken or a missing working directory: the
                // container could not be started.
                boolean cannotStart = e instanceof PortInUseException || e instanceof MissingWorkdirException;
                AtomicFiles.write(paths.exitFile(), cannotStart ? "126" : "125");
            }
        } catch (IOException | RuntimeException ignored) {
            // The unit fails either way; the cleanup records exit code 125.
        }
    }
}
