package dev.vaina.engine;

import dev.vaina.spec.PodConfig;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.FileTrees;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import dev.vaina.spec.ContainerName;
import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.NotifyMode;
import dev.vaina.spec.Signals;
import dev.vaina.unit.ContainerUnitRenderer;
import dev.vaina.unit.ContainerUnitModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unit file of a CLI-made container. It goes to a runtime directory in the manager's search path,
 * where systemd loads a new unit on demand: starting a container needs no daemon-reload, whose cost
 * grows with the number of units.
 */
final class ContainerUnitFiles {
    private ContainerUnitFiles() {
    }

    static Path path(Engine engine, ContainerRecord record) {
        return engine.unitDirectory().resolve(record.unit());
    }

    /** Writes the container's unit and those its networks need, which it returns. */
    static NetworkUnitFiles.Needs write(Engine engine, ContainerRecord record, boolean removeOnExit) throws IOException {
        if (engine.generatedUnit(record.unit())) {
            // A definition file's unit: it runs this container itself, and its pod wants it already.
            return NetworkUnitFiles.Needs.NONE;
        }
        String podUnit = podUnit(engine, record);
        Path file = path(engine, record);
        NetworkUnitFiles.Needs networks = NetworkUnitFiles.write(engine, record);
        String text = ContainerUnitRenderer.render(model(engine, record, removeOnExit, podUnit, record.unit(),
                record.config().stopTimeout(), networks));
        boolean changed = AtomicFiles.writeIfChanged(file, text);
        Path dropIns = controlDropIns(engine, record);
        if (Files.isDirectory(dropIns)) {
            FileTrees.deleteQuietly(dropIns);
            changed = true;
        }
        boolean wanted = podUnit != null && wantedByPod(engine, record, podUnit);
        List<String> changedHealthUnits = HealthcheckUnitFiles.write(engine, record);
        if (!changed && !wanted && changedHealthUnits.isEmpty()) {
            return networks;
        }
        // A new file for a unit of the same name that is still loaded (a name reused quickly), or a new
        // member of a pod whose unit systemd has in memory (a pod that runs or ran): systemd reads neither
        // without a reload. A pod's unit that is not in memory reads its .wants/ when it is next loaded.
        if (engine.systemd().needsReload(record.unit())
                || wanted && engine.systemd().isLoaded(podUnit)
                || engine.systemd().anyNeedsReload(changedHealthUnits)) {
            engine.systemd().reload();
        }
        return networks;
    }

    static void delete(Engine engine, ContainerRecord record) throws IOException {
        Files.deleteIfExists(path(engine, record));
        HealthcheckUnitFiles.delete(engine, record);
        FileTrees.deleteQuietly(controlDropIns(engine, record));
        if (record.inPod() && !record.infra()) {
            Path wants = engine.unitDirectory().resolve(podUnitOf(engine, record) + ".wants");
            Files.deleteIfExists(wants.resolve(record.unit()));
        }
    }

    /**
     * Where systemd keeps what SetUnitProperties changed (vaina update on a running container), beside the
     * unit folder: user.control/UNIT.d/ or system.control/UNIT.d/. Those drop-ins override the unit file, which
     * carries the recorded limits from the next start on; left behind they would also apply to a later
     * container of the same name.
     */
    private static Path controlDropIns(Engine engine, ContainerRecord record) {
        Path units = engine.unitDirectory();
        return units.resolveSibling(units.getFileName() + ".control").resolve(record.unit() + ".d");
    }

    /**
     * Makes the pod's unit want the member (a link in its .wants folder, as systemctl enable makes), so that
     * starting the pod's unit starts every member. Returns whether the link is new.
     */
    private static boolean wantedByPod(Engine engine, ContainerRecord record, String podUnit) throws IOException {
        Path wants = engine.unitDirectory().resolve(podUnit + ".wants");
        Path link = wants.resolve(record.unit());
        if (Files.isSymbolicLink(link)) {
            return false;
        }
        Files.createDirectories(wants);
        Files.createSymbolicLink(link, Path.of("..", record.unit()));
        return true;
    }

    /** The unit of the pod a member belongs to; null for a container of its own and for the infra container. */
    private static String podUnit(Engine engine, ContainerRecord record) throws IOException {
        return record.inPod() && !record.infra() ? podUnitOf(engine, record) : null;
    }

    private static String podUnitOf(Engine engine, ContainerRecord record) throws IOException {
        Optional<PodRecord> pod = engine.podStore().lookup(record.pod());
        if (pod.isEmpty()) {
            throw new EngineException("container " + record.name() + " belongs to pod " + record.pod()
                    + ", which no longer exists: remove the container");
        }
        return pod.get().unit();
    }

    /**
     * The unit of a container as `generate systemd` writes it for the user to install: named {@code unitName},
     * bound to its pod's unit named {@code podUnit} (null for a container of its own or the infra container).
     */
    static String exported(Engine engine, ContainerRecord record, String unitName, String podUnit, int stopTimeout)
            throws IOException {
        return ContainerUnitRenderer.render(model(engine, record, false, podUnit, unitName, stopTimeout,
                NetworkUnitFiles.Needs.NONE));
    }

    private static ContainerUnitModel model(Engine engine, ContainerRecord record, boolean removeOnExit,
            String podUnit, String unitName, int stopTimeout, NetworkUnitFiles.Needs networks) throws IOException {
        List<String> launcher = new ArrayList<>(engine.launcherCommand());
        if (removeOnExit) {
            // On both lines: the monitor, which the start becomes, removes the container once it has exited, and
            // the cleanup does when the monitor could not.
            launcher.add("--remove");
            launcher.add("--unit-file");
            launcher.add(path(engine, record).toString());
        }
        List<String> start = new ArrayList<>(launcher);
        start.add("start");
        start.add(record.id());
        List<String> cleanup = new ArrayList<>(launcher);
        cleanup.add("cleanup");
        cleanup.add(record.id());
        PodRecord inPod = record.inPod() ? engine.podStore().lookup(record.pod()).orElse(null) : null;
        PodRecord pod = record.infra() ? inPod : null;
        String description = pod != null ? "vaina pod " + pod.name() + " (infra container " + record.name() + ")" : null;
        boolean stopWhenUnneeded = pod != null && PodConfig.STOP.equals(pod.exitPolicy());
        return new ContainerUnitModel(record.id(), new ContainerName(record.name()), record.imageName(), start, cleanup,
                stopTimeout, record.config().restart(), description, removeOnExit, unitName,
                bindsTo(engine, record, podUnit, networks.holder()), stopWhenUnneeded, record.config().limits(),
                inPod == null ? null : inPod.sliceOf(record), HealthcheckUnitFiles.timers(record),
                record.config().sdNotify() == NotifyMode.CONTAINER ? "all" : "main", networks.dns(),
                record.config().handedOverToSystemd() ? Signals.name(record.config().stopSignal()) : null);
    }

    /**
     * The units it cannot run without: its pod's, with --network container:X, X's (a member's is its pod's), and
     * on named networks rootless, the holder of their namespaces.
     */
    private static List<String> bindsTo(Engine engine, ContainerRecord record, String podUnit, String holder)
            throws IOException {
        List<String> units = new ArrayList<>();
        if (holder != null) {
            units.add(holder);
        }
        if (podUnit != null) {
            units.add(podUnit);
        }
        NetworkMode mode = record.config().network().networkMode();
        if (mode.kind() == NetworkMode.Kind.CONTAINER) {
            Optional<ContainerRecord> peer = engine.store().lookup(mode.value());
            if (peer.isPresent() && !units.contains(peer.get().unit())) {
                units.add(peer.get().unit());
            }
        }
        return units;
    }
}
