package dev.vaina.engine;

import dev.vaina.launch.BridgeNetworks;
import dev.vaina.net.Netavark;
import dev.vaina.net.HostSubnets;
import dev.vaina.net.VainaBridge;
import dev.vaina.spec.Instants;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.Named;
import dev.vaina.spec.Names;
import dev.vaina.spec.Subnet;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.NameInUseException;
import dev.vaina.store.NetworkStore;
import dev.vaina.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bridge networks: made, listed, removed, and containers connected to and disconnected from them. The default
 * network ({@link VainaBridge}, listed as {@code vaina}) is the engine's own and cannot be removed; the others
 * are records in the store. A network holds nothing while no container is on it: its bridge, firewall rules
 * and aardvark-dns exist only while containers use them (netavark makes and removes them).
 */
public final class Networks {
    private final Engine engine;
    private final NetworkStore store;

    Networks(Engine engine) {
        this.engine = engine;
        this.store = new NetworkStore(engine.layout());
    }

    /** Every network, the default one included, by name. */
    public List<NetworkDefinition> list() throws IOException {
        List<NetworkDefinition> all = new ArrayList<>(store.list());
        all.add(defaultNetwork());
        all.sort(Named.BY_NAME);
        return all;
    }

    public Optional<NetworkDefinition> lookup(String nameOrId) throws IOException {
        NetworkDefinition fallback = defaultNetwork();
        if (nameOrId.equals(fallback.name()) || nameOrId.length() >= 3 && fallback.id().startsWith(nameOrId)
                && store.lookup(nameOrId).isEmpty()) {
            return Optional.of(fallback);
        }
        try {
            return store.lookup(nameOrId);
        } catch (IllegalStateException ambiguous) {
            throw new EngineException(ambiguous.getMessage());
        }
    }

    public NetworkDefinition find(String nameOrId) throws IOException {
        return lookup(nameOrId).orElseThrow(() -> notFound(nameOrId));
    }

    static EngineException notFound(String nameOrId) {
        return new EngineException("unable to find network with name or ID " + nameOrId + ": network not found");
    }

    /** Makes a network; its subnet and bridge are chosen under the store's lock so that none is taken twice. */
    public NetworkDefinition create(NetworkRequest request) throws IOException {
        if (request.name() != null) {
            Names.require("network", request.name());
        }
        String driver = request.driver() == null ? NetworkDefinition.BRIDGE : request.driver();
        if (!NetworkRequest.DRIVERS.contains(driver)) {
            throw new InvalidSpecException("unsupported driver " + driver + ": invalid argument");
        }
        if (request.subnet() == null && (request.gateway() != null || request.ipRange() != null)) {
            throw new InvalidSpecException("cannot set gateway or range without subnet");
        }
        Subnet given = request.subnet() == null ? null : Subnet.parse(request.subnet());
        String gateway = given == null ? null : gateway(given, request.gateway());
        Subnet range = request.ipRange() == null ? null : range(given, request.ipRange());
        try (StoreLock lock = store.lock()) {
            store.repair(); // what a create or rm killed half-way left
            List<NetworkDefinition> existing = list();
            String name = request.name() != null ? request.name() : nextName(existing);
            if (existing.stream().anyMatch(network -> network.name().equals(name))) {
                throw new EngineException("network name " + name + " already used: network already exists");
            }
            List<Subnet> used = new ArrayList<>(HostSubnets.read());
            existing.forEach(network -> network.subnets().forEach(entry -> used.add(entry.parsed())));
            Subnet subnet = given;
            if (subnet == null) {
                subnet = HostSubnets.choose(used);
                gateway = subnet.defaultGateway();
            } else if (used.stream().anyMatch(subnet::overlaps)) {
                throw new EngineException("subnet " + subnet + " is already used on the host or by another config");
            }
            NetworkDefinition network = new NetworkDefinition(name, ContainerStore.newId(), driver,
                    nextInterface(existing), Instants.formatNanos(Instant.now()),
                    List.of(new NetworkDefinition.SubnetEntry(subnet.toString(), gateway,
                            range == null ? null : range.host(1), range == null ? null : range.host(range.hosts()))),
                    request.internal(), !request.disableDns(), request.labels(), request.options(), "host-local");
            try {
                store.create(network);
            } catch (NameInUseException e) {
                throw new EngineException("network name " + name + " already used: network already exists");
            }
            return network;
        }
    }

    private static String gateway(Subnet subnet, String requested) {
        if (requested == null) {
            return subnet.defaultGateway();
        }
        long address = Subnet.parseAddress(requested, requested);
        if (!subnet.isHost(address)) {
            throw new InvalidSpecException("gateway " + requested + " not in subnet " + subnet);
        }
        return requested;
    }

    private static Subnet range(Subnet subnet, String requested) {
        Subnet range = Subnet.parse(requested);
        if (!subnet.contains(range.network()) || range.prefix() < subnet.prefix()) {
            throw new InvalidSpecException("IP range " + requested + " is not in subnet " + subnet);
        }
        return range;
    }

    /** The next {@code vainaN}: names and bridges are numbered together, as Podman's podmanN are. */
    private static String nextName(List<NetworkDefinition> existing) {
        return nextInterface(existing);
    }

    private static String nextInterface(List<NetworkDefinition> existing) {
        for (int i = 1; ; i++) {
            String candidate = VainaBridge.INTERFACE_PREFIX + i;
            if (existing.stream().noneMatch(n -> n.interfaceName().equals(candidate) || n.name().equals(candidate))) {
                return candidate;
            }
        }
    }

    /**
     * Removes a network. Containers on it refuse the removal unless {@code force}, which removes them first
     * (a pod's infra container takes its pod with it).
     *
     * @throws StateConflictException when containers use it and force is not given (Podman's exit code 2)
     */
    public void remove(NetworkDefinition network, boolean force, Integer timeoutSeconds) throws IOException {
        if (network.name().equals(VainaBridge.NAME)) {
            throw new EngineException("default network " + VainaBridge.NAME + " cannot be removed");
        }
        List<ContainerRecord> users = users(network);
        if (!users.isEmpty() && !force) {
            throw new StateConflictException("\"" + network.name() + "\" has associated containers with it ("
                    + String.join(", ", users.stream().map(ContainerRecord::name).toList())
                    + "). Use -f to forcibly delete containers and pods: network is being used");
        }
        for (ContainerRecord user : users) {
            if (!engine.store().exists(user.id())) {
                continue; // went with its pod
            }
            if (user.inPod()) {
                engine.podStore().lookup(user.pod()).ifPresent(pod -> {
                    try {
                        engine.pods().remove(pod, true, timeoutSeconds);
                    } catch (IOException e) {
                        throw new EngineException("removing pod " + pod.name() + ": " + e.getMessage(), e);
                    }
                });
            } else {
                engine.containers().remove(user, true, timeoutSeconds);
            }
        }
        store.remove(network);
    }

    /** The networks no container uses (the default one never); removed by prune. */
    public List<NetworkDefinition> unused() throws IOException {
        List<NetworkDefinition> unused = new ArrayList<>();
        for (NetworkDefinition network : store.list()) {
            if (users(network).isEmpty()) {
                unused.add(network);
            }
        }
        unused.sort(Named.BY_NAME);
        return unused;
    }

    /** The containers on {@code network}. */
    public List<ContainerRecord> users(NetworkDefinition network) throws IOException {
        List<ContainerRecord> users = new ArrayList<>();
        for (ContainerRecord record : engine.store().list()) {
            if (attachments(record).stream().anyMatch(a -> a.network().equals(network.name()))) {
                users.add(record);
            }
        }
        return users;
    }

    /** The networks a container is on; one on the default network counts as on {@code vaina}. */
    public List<NetworkAttachment> attachments(ContainerRecord record) throws IOException {
        List<NetworkAttachment> named = engine.store().networks(record);
        if (named.isEmpty() && record.config().network().networkMode().kind() == NetworkMode.Kind.DEFAULT
                && !engine.layout().rootless()) {
            return List.of(NetworkAttachment.named(VainaBridge.NAME));
        }
        return named;
    }

    /** Checks that a new container's networks exist and that a static address lies in its network. */
    public void checkAttachable(List<NetworkAttachment> attachments) throws IOException {
        for (NetworkAttachment attachment : attachments) {
            NetworkDefinition network = find(attachment.network());
            if (attachment.ip() != null && network.subnets().stream()
                    .noneMatch(entry -> entry.parsed().contains(attachment.ip()))) {
                throw new EngineException("requested static ip " + attachment.ip() + " not in any subnet on network "
                        + network.name());
            }
        }
    }

    /** Connects a container to a network; a running one at once. Connecting it again does nothing, as Podman. */
    public void connect(NetworkDefinition network, ContainerRecord record, NetworkAttachment attachment)
            throws IOException {
        checkAttachable(List.of(attachment));
        requireBridged(record);
        List<NetworkAttachment> current = new ArrayList<>(attachments(record));
        if (current.stream().anyMatch(a -> a.network().equals(network.name()))) {
            return;
        }
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (state.isRunning()) {
            Path netns = BridgeNetworks.netnsFile(engine.layout(), record.id());
            if (engine.layout().rootless() && !Files.exists(netns)) {
                // Its network namespace belongs to a user namespace of its own, not to the holder's.
                throw new EngineException("container " + record.name() + " was not started on a named network:"
                        + " rootless, it can join one from its next start (stop it, connect it, start it)");
            }
            BridgeNetworks.of(engine.layout()).connectRunning(record.id(), record.name(),
                    engine.layout().containerRun(record.id()), netns, network, attachment);
            if (network.dnsEnabled()) {
                // aardvark-dns exits with its last entry: the first container with DNS starts it.
                NetworkUnitFiles.writeDns(engine);
                engine.systemd().startUnit(Netavark.AARDVARK_UNIT);
            }
        }
        current.add(attachment);
        engine.store().writeNetworks(record.id(), current);
    }

    /** Disconnects a container from a network; a running one at once. */
    public void disconnect(NetworkDefinition network, ContainerRecord record) throws IOException {
        List<NetworkAttachment> current = new ArrayList<>(attachments(record));
        if (!current.removeIf(a -> a.network().equals(network.name()))) {
            throw new EngineException("container " + record.name() + " is not connected to network " + network.name());
        }
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (state.isRunning()) {
            BridgeNetworks.forTeardown(engine.layout()).disconnectRunning(record.id(),
                    engine.layout().containerRun(record.id()), BridgeNetworks.netnsFile(engine.layout(), record.id()),
                    network.name());
        }
        engine.store().writeNetworks(record.id(), current);
    }

    private void requireBridged(ContainerRecord record) {
        NetworkMode mode = record.config().network().networkMode();
        if (mode.kind() != NetworkMode.Kind.DEFAULT || record.inPod() && !record.infra()) {
            throw new EngineException("network mode \"" + mode + "\" of container " + record.name()
                    + " does not support connecting to networks");
        }
    }

    private static NetworkDefinition defaultNetwork() {
        return VainaBridge.definition(Instants.formatNanos(Instant.now()));
    }
}
