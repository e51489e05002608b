package dev.vaina.engine;

import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.Instants;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.spec.PodConfig;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.CreateArguments;
import dev.vaina.store.Event;
import dev.vaina.store.NameGenerator;
import dev.vaina.store.PodRecord;
import dev.vaina.store.PodStore;
import dev.vaina.unit.PodSlices;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The life of pods. A pod is a systemd unit, pod-NAME.service, whose main process is its infra
 * container's monitor (the infra container holds the namespaces the members share); every member is a
 * container unit bound to it (BindsTo=, After=) and wanted by it, so starting the pod's unit starts
 * the infra container, then the members, and stopping it stops the members, then the infra container.
 */
public final class Pods {
    private final Engine engine;
    private final PodStore store;

    Pods(Engine engine) {
        this.engine = engine;
        this.store = engine.podStore();
    }

    /**
     * Stores a pod and its infra container; nothing is left of either if that fails.
     *
     * @param infraImage the infra container's image (vaina's pause image when null), ignored without infra
     * @param network    the pod's network: its mode, published ports (host ports settled) and DNS, which the
     *                   infra container holds for every member
     */
    public PodRecord create(PodConfig config, ImageRecord infraImage, String infraImageName, NetworkConfig network)
            throws IOException {
        return create(config, infraImage, infraImageName, network, null);
    }

    /** @param unit the pod's unit when a definition file makes it (null: pod-NAME.service) */
    public PodRecord create(PodConfig config, ImageRecord infraImage, String infraImageName, NetworkConfig network,
            String unit) throws IOException {
        store.repair();
        engine.limits().requireSupportedForPod(config.limits());
        String id = ContainerStore.newId();
        String name = config.name() != null ? config.name() : NameGenerator.free(store);
        String infraId = config.infra() ? ContainerStore.newId() : null;
        PodRecord pod = new PodRecord(id, name, Instants.format(Instant.now()), config.labels(), infraId, config.shared(),
                config.hostname(), config.exitPolicy(), unit != null ? unit : "pod-" + name + ".service",
                slice(config, id, name, unit), config.shareParent(), config.volumes(), config.limits());
        store.create(pod);
        try {
            PodUnitFiles.writeSlice(engine, pod);
            if (config.infra()) {
                ImageRecord image = infraImage != null ? infraImage : PauseImage.ensure(engine.images());
                String imageName = infraImage != null ? infraImageName : PauseImage.NAME;
                String infraName = config.infraName() != null ? config.infraName() : pod.shortId() + "-infra";
                engine.containers().create(infraId, infraName, image, imageName, infraConfig(config, pod, network), pod,
                        true);
            }
            // The unit exists from now on, so that starting pod-NAME's unit directly works as well as `vaina pod start`.
            preparePodUnit(pod);
        } catch (IOException | RuntimeException e) {
            remove(pod, true, null);
            throw e;
        }
        engine.record(Event.pod("create", pod));
        return pod;
    }

    /** The pod's systemd slice: a definition file's pod has one its generated units can name (PodSlices). */
    private String slice(PodConfig config, String id, String name, String unit) {
        return unit != null && engine.generatedUnit(unit) ? PodSlices.byName(config.cgroupParent(), name)
                : PodSlices.byId(config.cgroupParent(), id);
    }

    private static ContainerConfig infraConfig(PodConfig config, PodRecord pod, NetworkConfig network) {
        List<String> command = config.infraCommand() != null ? config.infraCommand() : List.of();
        // The pod's host name lives in the infra container's UTS namespace, which the members share.
        String hostname = pod.shares("uts") ? (pod.hostname() != null ? pod.hostname() : pod.name()) : null;
        return ContainerConfig.builder().command(command).hostname(hostname).volumes(pod.volumes()).network(network)
                .build();
    }

    /**
     * Adds a new container to a pod. What the pod's namespaces fix cannot be set per member: a member
     * sharing the pod's UTS namespace has the pod's host name.
     */
    public ContainerRecord createMember(PodRecord pod, String requestedName, ImageRecord image, String imageName,
            ContainerConfig config) throws IOException {
        return createMember(pod, requestedName, image, imageName, config, null, CreateCompletion.NONE);
    }

    /** Keeps the command line a pod was made with beside its record, for `generate`. */
    public void keepCreateArguments(PodRecord pod, CreateArguments arguments) throws IOException {
        engine.podStore().saveCreateArguments(pod, arguments);
    }

    /**
     * @param unit the member's unit when a definition file makes it (null: container-NAME.service)
     * @param then the command's last step; if it fails, the member goes again
     */
    public ContainerRecord createMember(PodRecord pod, String requestedName, ImageRecord image, String imageName,
            ContainerConfig config, String unit, CreateCompletion then) throws IOException {
        if (config.hostname() != null && pod.shares("uts")) {
            throw new EngineException("invalid config provided: cannot set hostname when joining the pod UTS namespace");
        }
        if (pod.hasInfra() && !engine.store().exists(pod.infraId())) {
            throw lostInfra(pod);
        }
        NetworkConfig network = config.network();
        boolean sharedNetwork = pod.hasInfra() && pod.shares("net");
        if (sharedNetwork && (!network.ports().isEmpty() || network.publishAll() || network.mode() != null
                || !network.networks().isEmpty())) {
            throw new EngineException("invalid config provided: published or exposed ports must be defined when the pod"
                    + " is created: network cannot be configured when it is shared with a pod");
        }
        String hostname = pod.shares("uts") ? (pod.hostname() != null ? pod.hostname() : pod.name()) : config.hostname();
        // The pod's network namespace is the infra container's: the member joins it as --network container: does.
        NetworkConfig joinedNetwork = !sharedNetwork ? network : network.joining("container:" + pod.infraId());
        ContainerConfig joined = config.toBuilder().hostname(hostname).volumes(withPodVolumes(pod, config.volumes()))
                .network(joinedNetwork).build();
        ContainerRecord member = engine.containers().create(ContainerStore.newId(), requestedName, image, imageName,
                joined, pod, false, unit);
        try {
            // Written now, so that starting the pod's unit directly, outside vaina, starts this member too.
            ContainerUnitFiles.write(engine, member, member.config().autoRemove());
        } catch (IOException | RuntimeException e) {
            engine.containers().discard(member);
            throw e;
        }
        return engine.containers().completed(member, then);
    }

    /**
     * {@code --pod new:NAME}: a member of a pod made for it with Podman's defaults. The pod is there for this
     * container only, so it goes again with it if the member cannot be made or {@code then} fails.
     */
    public ContainerRecord createInNewPod(String podName, String requestedName, ImageRecord image, String imageName,
            ContainerConfig config, String unit, CreateCompletion then) throws IOException {
        PodRecord pod = create(new PodConfig(podName, Map.of(), true, null, null, null, null, null, null), null, null,
                NetworkConfig.DEFAULT);
        try {
            return createMember(pod, requestedName, image, imageName, config, unit, then);
        } catch (IOException | RuntimeException e) {
            remove(pod, true, null);
            throw e;
        }
    }

    /** The pod's volumes (pod create -v) and the member's own; the member's win where both mount one path. */
    private static List<VolumeMount> withPodVolumes(PodRecord pod, List<VolumeMount> own) {
        List<VolumeMount> volumes = new ArrayList<>();
        for (VolumeMount volume : pod.volumes()) {
            if (!mountsOn(own, volume.destination())) {
                volumes.add(volume);
            }
        }
        volumes.addAll(own);
        return volumes;
    }

    /**
     * A new pod made as {@code source} was, with a clone of each member ({@link PodClones}); with destroy, the
     * source goes once its clone exists; with start, the clone starts.
     *
     * @param name the clone's name, or null for the source's with "-clone"
     */
    public PodRecord cloneOf(PodRecord source, String name, boolean destroy, boolean start) throws IOException {
        PodRecord clone = new PodClones(engine).cloneOf(source, name);
        if (destroy) {
            remove(source, true, null);
        }
        if (start) {
            start(clone);
        }
        return clone;
    }

    /**
     * Starts the pod's unit, which starts the infra container and, in the same transaction, every member it
     * wants; then makes sure of each member. Every member is tried; those that fail are named in the exception.
     */
    public void start(PodRecord pod) throws IOException {
        engine.connectSystemdAhead(); // beside the rendering of the members' units, which comes first
        List<String> failures = new ArrayList<>();
        List<ContainerRecord> containers = engine.podContainers().of(pod);
        List<ContainerRecord> members = members(containers);
        for (ContainerRecord member : members) {
            ContainerUnitFiles.write(engine, member, member.config().autoRemove());
        }
        if (pod.hasInfra()) {
            engine.containers().start(infra(pod, containers));
        } else {
            PodUnitFiles.writeHolder(engine, pod);
            var result = engine.systemd().startUnit(pod.unit());
            if (!result.succeeded()) {
                throw new EngineException("cannot start pod " + pod.name() + ": systemd unit " + pod.unit() + " " + result);
            }
        }
        for (ContainerRecord member : members) {
            try {
                engine.containers().start(member);
            } catch (EngineException e) {
                failures.add(member.name() + ": " + e.getMessage());
            }
        }
        engine.record(Event.pod("start", pod));
        if (!failures.isEmpty()) {
            throw new EngineException("starting some containers of pod " + pod.name() + " failed:\n\t* "
                    + String.join("\n\t* ", failures));
        }
    }

    /**
     * Writes the pod's unit file, so that a member's unit can name it in BindsTo=: starting the member then
     * starts the pod first (systemd does, in the same transaction), as Podman starts a pod for `run --pod`.
     */
    void preparePodUnit(PodRecord pod) throws IOException {
        if (pod.hasInfra()) {
            Optional<ContainerRecord> infra = engine.store().lookup(pod.infraId());
            if (infra.isEmpty()) {
                throw lostInfra(pod);
            }
            ContainerUnitFiles.write(engine, infra.get(), false);
        } else {
            PodUnitFiles.writeHolder(engine, pod);
        }
    }

    private static ContainerRecord infra(PodRecord pod, List<ContainerRecord> containers) {
        for (ContainerRecord record : containers) {
            if (record.infra()) {
                return record;
            }
        }
        throw lostInfra(pod);
    }

    private static EngineException lostInfra(PodRecord pod) {
        return new EngineException("pod " + pod.name() + " has lost its infra container: remove it with 'vaina pod rm -f "
                + pod.name() + "' and create it again");
    }

    private static boolean mountsOn(List<VolumeMount> volumes, String destination) {
        for (VolumeMount volume : volumes) {
            if (volume.destination().equals(destination)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the members, then the infra container: each member on a thread of its own, as Podman does (each waits
     * out its own stop timeout before SIGKILL, then its unit's stop job, and a pod's stop takes as long as its
     * slowest member instead of the sum of them). The infra container gets its signal once every member's
     * processes are gone, so that its cleanup (the pod's network torn down) runs beside the members' own rather
     * than after their units have stopped; with a timeout of 0, beside the members' signals (the members get SIGKILL
     * at once, and none uses the pod's network while it ends), as Podman does: that cleanup is most of a pod's stop.
     * Every container is tried; those that fail are named in the exception.
     */
    public void stop(PodRecord pod, Integer timeoutSeconds) throws IOException {
        List<ContainerRecord> containers = engine.podContainers().of(pod);
        List<ContainerRecord> members = members(containers);
        ContainerRecord infra = null;
        for (ContainerRecord record : containers) {
            infra = record.infra() ? record : infra;
        }
        if (members.size() + (infra != null ? 1 : 0) > 1) {
            engine.connectSystemdAhead(); // beside the members' stop signals, which come first
        }
        Map<ContainerRecord, String> failures = new ConcurrentHashMap<>();
        boolean infraBeside = infra != null && timeoutSeconds != null && timeoutSeconds == 0;
        if (infraBeside) {
            // The infra container's stop stops the members' units too (they are bound to its unit), which could
            // come before a member's own stop has marked it stopped by the user: marked here first.
            for (ContainerRecord member : members) {
                if (engine.store().state(member.id()).isRunning()) {
                    Boot.markStopped(engine.store().layout(), member);
                }
            }
        }
        List<MemberStop> stops = new ArrayList<>();
        for (ContainerRecord member : members) {
            stops.add(new MemberStop(member, timeoutSeconds, failures));
        }
        if (infraBeside) {
            tryStop(infra, timeoutSeconds, null, failures);
        }
        for (MemberStop stop : stops) {
            stop.awaitSignalled();
        }
        if (infra != null && !infraBeside) {
            tryStop(infra, timeoutSeconds, null, failures);
        }
        for (MemberStop stop : stops) {
            stop.awaitStopped();
        }
        if (!failures.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (ContainerRecord record : containers) {
                if (failures.containsKey(record)) {
                    named.add(record.name() + ": " + failures.get(record));
                }
            }
            throw new EngineException("stopping some containers of pod " + pod.name() + " failed:\n\t* "
                    + String.join("\n\t* ", named));
        }
        if (!pod.hasInfra() && engine.systemd().status(pod.unit()).isActive()) {
            engine.systemd().stopUnit(pod.unit());
        }
        engine.record(Event.pod("stop", pod));
    }

    /** Stops a container, noting a failure instead of throwing it. */
    private void tryStop(ContainerRecord record, Integer timeoutSeconds, Runnable processesGone,
            Map<ContainerRecord, String> failures) {
        try {
            engine.containers().stop(record, timeoutSeconds, processesGone);
        } catch (IOException | RuntimeException e) {
            failures.put(record, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** A member's stop on a thread of its own, which tells when the member's processes are gone. */
    private final class MemberStop implements Runnable {
        private final ContainerRecord member;
        private final Integer timeoutSeconds;
        private final Map<ContainerRecord, String> failures;
        private final CountDownLatch signalled = new CountDownLatch(1);
        /** What the member's stop runs once its processes are gone. */
        private final Runnable processesGone = new Runnable() {
            @Override
            public void run() {
                signalled.countDown();
            }
        };
        private final Thread thread;

        MemberStop(ContainerRecord member, Integer timeoutSeconds, Map<ContainerRecord, String> failures) {
            this.member = member;
            this.timeoutSeconds = timeoutSeconds;
            this.failures = failures;
            thread = new Thread(this, "stop-" + member.name());
            thread.start();
        }

        @Override
        public void run() {
            try {
                tryStop(member, timeoutSeconds, processesGone, failures);
            } finally {
                signalled.countDown(); // not running, or failed before its processes were gone
            }
        }

        void awaitSignalled() {
            try {
                signalled.await();
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        }

        void awaitStopped() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        }

        private EngineException interrupted(InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EngineException("interrupted while stopping container " + member.name(), e);
        }
    }

    /** Sends a signal to every running container of the pod, members first. */
    public void kill(PodRecord pod, int signal) throws IOException {
        List<ContainerRecord> containers = engine.podContainers().of(pod);
        List<ContainerRecord> order = new ArrayList<>(members(containers));
        for (ContainerRecord record : containers) {
            if (record.infra()) {
                order.add(record);
            }
        }
        for (ContainerRecord record : order) {
            if (Liveness.reconcile(engine.store(), record).isRunning()) {
                engine.containers().kill(record, signal);
            }
        }
    }

    /**
     * Removes the pod with its containers and units. Running containers are refused without force (each
     * one named); with force they are stopped first.
     */
    public void remove(PodRecord pod, boolean force, Integer timeoutSeconds) throws IOException {
        List<ContainerRecord> containers = engine.podContainers().of(pod);
        if (!force) {
            List<String> running = new ArrayList<>();
            for (ContainerRecord record : containers) {
                if (Liveness.reconcile(engine.store(), record).isRunning()) {
                    running.add("removing container " + record.id() + " from pod " + pod.id() + ": cannot remove container "
                            + record.id() + " as it is running - running or paused containers cannot be removed without"
                            + " force: container state improper");
                }
            }
            if (!running.isEmpty()) {
                throw new EngineException(running.size() == 1 ? running.get(0)
                        : running.size() + " errors occurred:\n\t* " + String.join("\n\t* ", running));
            }
        } else {
            stop(pod, timeoutSeconds);
        }
        for (ContainerRecord member : members(containers)) {
            engine.containers().remove(member, true, null);
        }
        for (ContainerRecord record : containers) {
            if (record.infra()) {
                engine.containers().removeAny(record, true);
            }
        }
        PodUnitFiles.delete(engine, pod);
        PodUnitFiles.deleteSlice(engine, pod);
        store.remove(pod);
        engine.record(Event.pod("remove", pod));
    }

    /** Removes every pod none of whose containers runs, with its containers; returns them. */
    public List<PodRecord> prune() throws IOException {
        List<PodRecord> removed = new ArrayList<>();
        for (PodRecord pod : store.list()) {
            String status = engine.podContainers().status(pod);
            if (status.equals(PodStatus.EXITED) || status.equals(PodStatus.STOPPED) || status.equals(PodStatus.CREATED)) {
                remove(pod, false, null);
                removed.add(pod);
            }
        }
        return removed;
    }

    /** Freezes every running container of the pod, the infra container too, as Podman does. */
    public void pause(PodRecord pod) throws IOException {
        Pausing pausing = engine.pausing();
        for (ContainerRecord record : engine.podContainers().of(pod)) {
            if (Liveness.reconcile(engine.store(), record).isRunning() && !pausing.isFrozen(record)) {
                pausing.pause(record);
            }
        }
    }

    public void unpause(PodRecord pod) throws IOException {
        Pausing pausing = engine.pausing();
        for (ContainerRecord record : engine.podContainers().of(pod)) {
            if (pausing.isFrozen(record)) {
                pausing.unpause(record);
            }
        }
    }

    private static List<ContainerRecord> members(List<ContainerRecord> containers) {
        List<ContainerRecord> members = new ArrayList<>();
        for (ContainerRecord record : containers) {
            if (!record.infra()) {
                members.add(record);
            }
        }
        return members;
    }
}
