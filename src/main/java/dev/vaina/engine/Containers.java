package dev.vaina.engine;

import dev.vaina.image.ImageRecord;
import dev.vaina.linux.OwnCgroup;
import dev.vaina.net.Netavark;
import dev.vaina.net.RootlessNetns;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ContainerName;
import dev.vaina.spec.Instants;
import dev.vaina.spec.NotifyMode;
import dev.vaina.spec.PortMapping;
import dev.vaina.spec.Signals;
import dev.vaina.spec.UserNamespace;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerRecords;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.CreateArguments;
import dev.vaina.store.Event;
import dev.vaina.store.NameGenerator;
import dev.vaina.store.OwnProcess;
import dev.vaina.store.PodRecord;
import dev.vaina.store.StoreLock;
import dev.vaina.store.VolumeRecord;
import dev.vaina.systemd.JobResult;
import dev.vaina.systemd.ManagerUnreachableException;
import dev.vaina.systemd.NoSuchUnitException;
import dev.vaina.systemd.UnitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The life of a container: records on disk, a unit in systemd. What the command line, pods and the
 * generator's start path all drive.
 */
public final class Containers {
    private final Engine engine;
    private final ContainerStore store;

    Containers(Engine engine) {
        this.engine = engine;
        this.store = engine.store();
    }

    /** The records, to read: finding, listing, the state as last recorded. */
    public ContainerRecords records() {
        return store;
    }

    /** The container's state, its end recorded first (and cleaned up after) if it died with no one looking. */
    public ContainerState currentState(ContainerRecord record) throws IOException {
        return Liveness.reconcile(store, record);
    }

    /** {@link #currentState(ContainerRecord)} from the state a listing has just read ({@code recordedRunning}). */
    public ContainerState currentState(ContainerRecords.Running listed) throws IOException {
        return Liveness.reconcile(store, listed.record(), listed.state());
    }

    /** Keeps the command line a container was made with beside its record, for `generate`. */
    public void keepCreateArguments(ContainerRecord record, CreateArguments arguments) throws IOException {
        store.saveCreateArguments(record, arguments);
    }

    /**
     * @param unit the unit that runs it, when that is a definition file's (null: container-NAME.service)
     * @param then the command's last step; if it fails, the container goes again
     */
    public ContainerRecord create(String requestedName, ImageRecord image, String imageName, ContainerConfig config,
            String unit, CreateCompletion then) throws IOException {
        return completed(create(ContainerStore.newId(), requestedName, image, imageName, config, null, false, unit),
                then);
    }

    /** Runs a create's last step, and discards the container if that fails. */
    ContainerRecord completed(ContainerRecord created, CreateCompletion then) throws IOException {
        try {
            then.complete(created);
        } catch (IOException | RuntimeException e) {
            discard(created);
            throw e;
        }
        return created;
    }

    ContainerRecord create(String id, String requestedName, ImageRecord image, String imageName,
            ContainerConfig config, PodRecord pod, boolean infra) throws IOException {
        return create(id, requestedName, image, imageName, config, pod, infra, null);
    }

    /**
     * @param pod   the pod the container joins, or null
     * @param infra whether it is that pod's infra container: its unit is then the pod's
     * @param unit  the unit of a member or container of its own made by a definition file, or null
     */
    ContainerRecord create(String id, String requestedName, ImageRecord image, String imageName,
            ContainerConfig config, PodRecord pod, boolean infra, String unit) throws IOException {
        store.repair();
        engine.limits().requireSupported(config.limits());
        String name = requestedName != null ? requestedName : NameGenerator.free(store);
        new ContainerName(name);
        if (store.nameTaken(name)) {
            // Before any volume is made for it.
            throw new dev.vaina.store.NameInUseException(name, store.find(name).id());
        }
        engine.networks().checkAttachable(config.network().networks());
        if (engine.layout().rootless() && !config.network().networks().isEmpty() && publishesUdp(config)) {
            throw new EngineException(RootlessNetns.UDP_REFUSED);
        }
        // Loops, not streams, on create's way: its first lambda would set the JVM's method-handle machinery up.
        List<String> topFirst = new ArrayList<>(image.layers());
        Collections.reverse(topFirst);
        List<Path> layerDirs = new ArrayList<>();
        for (String layer : topFirst) {
            layerDirs.add(engine.layout().layer(layer));
        }
        List<VolumeRecord> madeVolumes = new ArrayList<>();
        ContainerConfig mounted = engine.volumes().attach(config, image.config().volumes(), layerDirs, madeVolumes);
        // An auto range is chosen and recorded under one lock, so that two creates never take the same ids.
        boolean auto = config.userns().kind() == UserNamespace.Kind.AUTO;
        ContainerRecord record;
        try (StoreLock lock = auto ? StoreLock.acquire(UserNamespaces.lockFile(engine.layout())) : null) {
            if (pod != null && !infra) {
                UserNamespaces.requireNoneInPod(config.userns(), pod);
            }
            ContainerConfig settled = mounted.withUserNamespace(UserNamespaces.settle(config.userns(), engine.layout(),
                    layerDirs, auto ? store.list() : List.of()));
            record = new ContainerRecord(id, name, Instants.format(Instant.now()), image.id(), imageName,
                    dev.vaina.oci.ProcessArgs.resolve(settled, image.config()), settled, image.config(), topFirst,
                    infra ? pod.unit() : unit != null ? unit : unitName(name), pod == null ? null : pod.id(), infra);
            if (record.config().sdNotify() == NotifyMode.HEALTHY && HealthcheckUnitFiles.timers(record) == null) {
                throw new EngineException("--sdnotify=healthy needs a health check that runs on a schedule: give"
                        + " --health-cmd (and an interval other than 0) or use an image with a HEALTHCHECK");
            }
            store.create(record);
        } catch (IOException | RuntimeException e) {
            engine.volumes().undo(madeVolumes);
            throw e;
        }
        engine.record(Event.container("create", record));
        if (engine.generatedUnit(record.unit())) {
            // A definition file's unit (a pod's, for its infra container): its create is part of its start.
            try {
                HealthcheckUnitFiles.startForGeneratedUnit(engine, record);
                NetworkUnitFiles.startForGeneratedUnit(engine, record);
            } catch (IOException | RuntimeException e) {
                forget(record);
                engine.volumes().undo(madeVolumes);
                throw e;
            }
        }
        return record;
    }

    /** The unit of a container of its own or of a pod's member: named after the container. */
    private static boolean publishesUdp(ContainerConfig config) {
        for (PortMapping port : config.network().ports()) {
            if (!port.protocol().equals(PortMapping.TCP)) {
                return true;
            }
        }
        return false;
    }

    static String unitName(String containerName) {
        return "container-" + containerName + ".service";
    }

    /**
     * Gives a container a new name, as Podman's rename does, running or not. A stopped container's unit is
     * renamed with it. A running one keeps its unit (systemd cannot rename a unit that runs, and its monitor
     * is that unit's main process) until it next starts, which moves it to the new name's unit.
     */
    public ContainerRecord rename(ContainerRecord record, String newName) throws IOException {
        new ContainerName(newName);
        if (record.infra()) {
            throw new EngineException("container " + record.id() + " is the infra container of pod " + record.pod()
                    + ": infra containers cannot be renamed");
        }
        if (record.name().equals(newName)) {
            return record;
        }
        boolean running = Liveness.reconcile(store, record).isRunning();
        ContainerRecord renamed = record.renamed(newName, running ? record.unit() : unitName(newName));
        if (!running) {
            forgetUnit(record);
        }
        store.rename(record, renamed);
        if (!running && renamed.inPod()) {
            // A member's unit is wanted by its pod's: `systemctl start pod-NAME` must find it under its new name.
            ContainerUnitFiles.write(engine, renamed, renamed.config().autoRemove());
        }
        engine.record(Event.container("rename", renamed));
        return renamed;
    }

    /** A container renamed while it ran still has the old name's unit: its next start moves it to its own. */
    private ContainerRecord unitFollowsName(ContainerRecord record) throws IOException {
        if (record.infra() || record.unit().equals(unitName(record.name())) || engine.generatedUnit(record.unit())) {
            return record; // a definition file's container keeps its file's unit
        }
        forgetUnit(record);
        ContainerRecord moved = record.renamed(record.name(), unitName(record.name()));
        store.rename(record, moved);
        return moved;
    }

    /** Removes every container that does not run (a pod's infra container goes only with its pod); returns them. */
    public List<ContainerRecord> prune() throws IOException {
        List<ContainerRecord> removed = new ArrayList<>();
        for (ContainerRecord record : store.list()) {
            if (!record.infra() && !Liveness.reconcile(store, record).isRunning()) {
                removeAny(record, false);
                removed.add(record);
            }
        }
        return removed;
    }

    /** The container's root file system, for diff, export and commit. */
    public ContainerFileSystem fileSystem(ContainerRecord record) {
        return new ContainerFileSystem(store.layout(), record);
    }

    /**
     * Deletes a container's unit file and lets systemd unload the unit. A container that never started and has no
     * unit file (no pod's member) never had its unit loaded, so the unit cannot have failed: systemd is not asked,
     * and a `create` and `rm` pair never connects to it. The file goes before the question: asked while the file
     * is there, systemd would load the unit to answer.
     */
    private void forgetUnit(ContainerRecord record) throws IOException {
        boolean mayHaveFailed = engine.generatedUnit(record.unit())
                || Files.exists(ContainerUnitFiles.path(engine, record))
                || !ContainerState.CREATED.equals(store.state(record.id()).status());
        ContainerUnitFiles.delete(engine, record);
        if (mayHaveFailed) {
            resetIfFailed(record.unit());
        }
    }

    private void resetIfFailed(String unit) throws IOException {
        UnitStatus status;
        try {
            status = engine.systemd().status(unit);
        } catch (ManagerUnreachableException e) {
            return; // a manager that cannot be reached has no unit of it loaded, or none that outlives it
        }
        if (status.isFailed()) {
            engine.systemd().resetFailedUnit(unit);
        }
    }

    /**
     * Starts the container's unit and returns once the container runs (the monitor's READY=1). A start
     * that fails throws with the container's own code (126, 127) or 125, and the message the monitor left.
     */
    public boolean start(ContainerRecord record) throws IOException {
        return start(record, record.config().autoRemove());
    }

    /**
     * @param removeOnExit whether the unit's cleanup removes the container (not when a foreground run will)
     * @return false when the container was running already
     */
    public boolean start(ContainerRecord record, boolean removeOnExit) throws IOException {
        ContainerState state = store.state(record.id());
        if (state.isRunning() && Liveness.alive(store.layout(), state, record)) {
            engine.log().debug("container " + record.name() + " runs already");
            return false;
        }
        // Beside the unit's rendering and the files written before the start, which come first.
        engine.connectSystemdAhead();
        // systemd's child for the launcher moves into the unit's cgroup. Begun about a grace period ahead (the unit's
        // files come first), this write has that move find the grace period passed (or nearly), not waiting for one.
        OwnCgroup.rejoinAhead();
        record = unitFollowsName(record);
        if (record.inPod() && !record.infra()) {
            engine.pods().preparePodUnit(engine.podStore().find(record.pod()));
        }
        Boot.clearStopped(store.layout(), record);
        Path runDir = store.layout().containerRun(record.id());
        Files.deleteIfExists(runDir.resolve("exit"));
        Files.deleteIfExists(runDir.resolve("error"));
        NetworkUnitFiles.Needs networks = ContainerUnitFiles.write(engine, record, removeOnExit);
        engine.log().debug("starting unit " + record.unit() + " of container " + record.id());
        JobResult result = engine.systemd().startUnit(record.unit());
        if (!result.succeeded()) {
            ContainerState after = engine.containerWaits().awaitExitRecord(record);
            engine.systemd().resetFailedUnit(record.unit());
            String error = readError(runDir);
            throw new StartFailedException(after.exitCode(), error != null ? error
                    : "container " + record.name() + " did not start: systemd unit " + record.unit() + " " + result);
        }
        if (networks.dns() != null) {
            // The container's start queued aardvark-dns's after it: waiting for that job means the name of
            // this container resolves once the command returns.
            // A failure matters only while there is someone to serve: a container that has already exited took
            // its entry with it, and aardvark-dns started for nobody finds nothing to serve.
            JobResult dns = engine.systemd().startUnit(networks.dns());
            if (!dns.succeeded() && Netavark.aardvarkHasEntries(Netavark.configDir(store.layout().networkRunRoot()))) {
                engine.log().warn("aardvark-dns (" + networks.dns() + ") did not start: " + dns
                        + "; names on the networks of container " + record.name() + " do not resolve");
            }
        }
        return true;
    }

    /**
     * Sends the stop signal, SIGKILL once the timeout has passed (a warning says so, as Podman's does), then
     * stops the unit, whose cleanup records the exit.
     *
     * @param timeoutSeconds the caller's timeout, or null for the container's own stop timeout
     */
    public void stop(ContainerRecord record, Integer timeoutSeconds) throws IOException {
        stop(record, timeoutSeconds, null);
    }

    /**
     * @param processesGone told once the container's processes have ended on their stop signal, or have been sent
     *                      SIGKILL, before its unit's stop job; not told when the container was not running. May
     *                      be null.
     */
    public void stop(ContainerRecord record, Integer timeoutSeconds, Runnable processesGone) throws IOException {
        ContainerState state = Liveness.reconcile(store, record);
        if (!state.isRunning()) {
            return;
        }
        // Beside the stop signal and the container's end, which come first.
        engine.connectSystemdAhead();
        Boot.markStopped(store.layout(), record);
        int timeout = timeoutSeconds != null ? timeoutSeconds : record.config().stopTimeout();
        long pid = ContainerPid.read(store.layout(), record.id());
        HandedOverCleanup handedOver = HandedOverCleanup.beforeStop(engine, store, record);
        try {
            signalAndStop(record, state, pid, timeout, processesGone, handedOver);
        } finally {
            if (handedOver != null) {
                handedOver.takeMarkBack();
            }
        }
    }

    /** The rest of {@link #stop}, from the stop signal on. */
    private void signalAndStop(ContainerRecord record, ContainerState state, long pid, int timeout,
            Runnable processesGone, HandedOverCleanup handedOver) throws IOException {
        if (pid > 0) {
            engine.log().debug("sending " + Signals.name(record.config().stopSignal()) + " to container "
                    + record.name() + " (pid " + pid + ")");
            ContainerPid.signal(pid, record.config().stopSignal());
        }
        // After the signal, while the container ends: the mark made durable (it only counts at the next boot), and
        // a frozen container thawed (its signal waits until then; whether it is frozen takes its cgroup's files).
        Boot.markStoppedDurably(store.layout(), record);
        engine.pausing().thawForStop(record, state);
        if (pid > 0) {
            awaitOrKill(record, pid, timeout);
        }
        if (processesGone != null) {
            processesGone.run();
        }
        if (handedOver != null) {
            handedOver.afterSignal();
        }
        engine.log().debug("stopping unit " + record.unit());
        // The stop job ends once the unit is inactive: the container, its monitor and the ExecStopPost cleanup
        // have all ended, however long that took. No fixed wait: a slow machine only makes it slower.
        JobResult result;
        try {
            result = engine.systemd().stopUnit(record.unit());
        } catch (NoSuchUnitException e) {
            // The signal was enough: the container exited and, made with --rm, its unit went with it.
            engine.containerWaits().awaitExitRecord(record);
            return;
        }
        if (!result.succeeded()) {
            throw new EngineException("cannot stop container " + record.name() + ": systemd's stop job for unit "
                    + record.unit() + " ended \"" + result + "\" instead of \"done\"");
        }
        // A cleanup that systemd cut short (its own stop timeout) recorded nothing: this does it, under the
        // cleanup lock.
        ContainerState after = Liveness.reconcile(store, record);
        if (after.isRunning()) {
            throw new EngineException("cannot stop container " + record.name() + ": systemd stopped unit "
                    + record.unit() + ", yet its monitor (pid " + after.monitorPid() + ") still runs");
        }
        engine.systemd().resetFailedUnit(record.unit());
        engine.record(Event.container("stop", record));
    }

    /**
     * The rest of the stop after its signal, with the caller's timeout (which the unit's fixed TimeoutStopSec cannot
     * express), so that the command knows whether SIGKILL was needed.
     */
    private void awaitOrKill(ContainerRecord record, long pid, int timeoutSeconds) throws IOException {
        // Looked at every 2 ms during the first second: most containers end within milliseconds of their signal, and
        // a pod's infra container waits for its members' end.
        long since = System.nanoTime();
        while (System.nanoTime() - since < timeoutSeconds * 1_000_000_000L) {
            if (!OwnProcess.exists(pid)) {
                return;
            }
            Waiting.pause(since);
        }
        engine.log().warn("StopSignal " + Signals.name(record.config().stopSignal()) + " failed to stop container "
                + record.name() + " in " + timeoutSeconds + " seconds, resorting to SIGKILL");
        ContainerPid.signal(pid, Signals.parse("KILL"));
    }

    public void kill(ContainerRecord record, int signal) throws IOException {
        ContainerState state = Liveness.reconcile(store, record);
        long pid = ContainerPid.read(store.layout(), record.id());
        if (!state.isRunning() || pid <= 0) {
            throw new EngineException("can only kill running containers. " + record.id()
                    + " is in state " + state.status() + ": container state improper");
        }
        ContainerPid.signal(pid, signal);
        engine.record(Event.container("kill", record));
    }

    /**
     * Removes a container; a running one only with force, after stopping it. A pod's infra container goes
     * only with its pod.
     *
     * @param timeoutSeconds the stop timeout for a running container, or null for its own
     */
    public void remove(ContainerRecord record, boolean force, Integer timeoutSeconds) throws IOException {
        if (record.infra()) {
            throw new EngineException("container " + record.id() + " is the infra container of pod " + record.pod()
                    + " and cannot be removed without removing the pod");
        }
        removeAny(record, force, timeoutSeconds);
    }

    /** Removes any container, a pod's infra container too: for the pod's own removal. */
    void removeAny(ContainerRecord record, boolean force) throws IOException {
        removeAny(record, force, null);
    }

    private void removeAny(ContainerRecord record, boolean force, Integer timeoutSeconds) throws IOException {
        ContainerState state = Liveness.reconcile(store, record);
        if (state.isRunning()) {
            if (!force) {
                throw new StateConflictException("cannot remove container " + record.id()
                        + " as it is running - running or paused containers cannot be removed without force: container state improper");
            }
            stop(record, timeoutSeconds);
        }
        engine.log().debug("removing container " + record.id());
        forget(record);
    }

    /**
     * Removes a container that was only just made, for a command that could not finish with it (a create whose
     * last step failed, a run that did not start, an attached --rm run once it exited): its unit, its record and
     * the anonymous volumes made for it.
     */
    public void discard(ContainerRecord record) throws IOException {
        forget(record);
        engine.volumes().removeAnonymousOf(record);
    }

    /** Deletes the unit file, lets systemd unload the unit, and deletes the records. */
    public void forget(ContainerRecord record) throws IOException {
        forgetUnit(record);
        store.remove(record);
        engine.record(Event.container("remove", record));
    }

    private static String readError(Path runDir) throws IOException {
        Path error = runDir.resolve("error");
        if (!Files.exists(error)) {
            return null;
        }
        String text = Files.readString(error).strip();
        return text.isEmpty() ? null : text;
    }

}
