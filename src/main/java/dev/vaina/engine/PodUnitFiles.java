package dev.vaina.engine;

import dev.vaina.store.AtomicFiles;
import dev.vaina.store.FileTrees;
import dev.vaina.store.PodRecord;
import dev.vaina.unit.PodUnitRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a pod's unit beside its containers' units. With an infra container the pod's unit is that
 * container's (written by {@link ContainerUnitFiles}); without one it is a holder with no process, which
 * only groups the members. The members' links live in pod-NAME.service.wants/.
 */
final class PodUnitFiles {
    private PodUnitFiles() {
    }

    static void writeHolder(Engine engine, PodRecord pod) throws IOException {
        if (engine.generatedUnit(pod.unit())) {
            return;
        }
        String text = PodUnitRenderer.renderHolder(pod.name(), pod.id());
        if (!AtomicFiles.writeIfChanged(engine.unitDirectory().resolve(pod.unit()), text)) {
            return;
        }
        if (engine.systemd().needsReload(pod.unit())) {
            engine.systemd().reload();
        }
    }

    /** The pod's slice with its limits; nothing for a pod without limits, whose slice systemd makes on demand. */
    static void writeSlice(Engine engine, PodRecord pod) throws IOException {
        if (pod.slice() == null || !pod.limits().hasCgroupLimits()) {
            return;
        }
        AtomicFiles.write(engine.unitDirectory().resolve(pod.slice()),
                PodUnitRenderer.renderSlice(pod.slice(), pod.name(), pod.id(), pod.limits()));
        if (engine.systemd().needsReload(pod.slice())) {
            engine.systemd().reload();
        }
    }

    /**
     * Stops the pod's slice, empty by now, so that systemd forgets it, and deletes its file. A definition file's
     * pod keeps its slice running: the next pod of that file uses it, and the pod's unit, whose next start is
     * what replaces the pod, is in it already.
     */
    static void deleteSlice(Engine engine, PodRecord pod) throws IOException {
        if (pod.slice() == null) {
            return;
        }
        Files.deleteIfExists(engine.unitDirectory().resolve(pod.slice()));
        if (!engine.generatedUnit(pod.unit()) && engine.systemd().status(pod.slice()).isActive()) {
            engine.systemd().stopUnit(pod.slice());
        }
    }

    static void delete(Engine engine, PodRecord pod) throws IOException {
        Path directory = engine.unitDirectory();
        Files.deleteIfExists(directory.resolve(pod.unit()));
        FileTrees.deleteQuietly(directory.resolve(pod.unit() + ".wants"));
        var status = engine.systemd().status(pod.unit());
        if (status.isFailed()) {
            engine.systemd().resetFailedUnit(pod.unit());
        }
    }
}
