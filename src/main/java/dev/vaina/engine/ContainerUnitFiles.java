package dev.vaina.engine;

import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.systemd.UnitStatus;
import dev.vaina.spec.ContainerName;
import dev.vaina.spec.NetworkMode;
import dev.vaina.unit.ContainerUnitRenderer;
import dev.vaina.unit.ContainerUnitModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    static void write(Engine engine, ContainerRecord record, boolean removeOnExit) throws IOException {
        Path file = path(engine, record);
        String text = ContainerUnitRenderer.render(model(engine, record, removeOnExit));
        if (Files.exists(file) && Files.readString(file).equals(text)) {
            return;
        }
        AtomicFiles.write(file, text);
        UnitStatus status = engine.systemd().status(record.unit());
        if (status.needDaemonReload()) {
            // Only when a unit of the same name is still loaded from an older file (a name reused quickly).
            engine.systemd().reload();
        }
    }

    static void delete(Engine engine, ContainerRecord record) throws IOException {
        Files.deleteIfExists(path(engine, record));
    }

    private static ContainerUnitModel model(Engine engine, ContainerRecord record, boolean removeOnExit)
            throws IOException {
        List<String> start = new ArrayList<>(engine.launcherCommand());
        start.add("start");
        start.add(record.id());
        List<String> cleanup = new ArrayList<>(engine.launcherCommand());
        if (removeOnExit) {
            cleanup.add("--remove");
            cleanup.add("--unit-file");
            cleanup.add(path(engine, record).toString());
        }
        cleanup.add("cleanup");
        cleanup.add(record.id());
        return new ContainerUnitModel(record.id(), new ContainerName(record.name()), record.imageName(), start, cleanup,
                record.config().stopTimeout(), record.config().restart(), null, removeOnExit, bindsTo(engine, record));
    }

    /** --network container:X: X's unit. */
    private static List<String> bindsTo(Engine engine, ContainerRecord record) throws IOException {
        NetworkMode mode = record.config().network().networkMode();
        if (mode.kind() != NetworkMode.Kind.CONTAINER) {
            return List.of();
        }
        return engine.store().lookup(mode.value()).map(other -> List.of(other.unit())).orElse(List.of());
    }
}
