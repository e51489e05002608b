package dev.vaina.engine;

import dev.vaina.spec.HealthCheck;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.unit.HealthcheckUnitRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The timer and service that run a container's health check on schedule, beside its unit in the same
 * runtime directory. Rendered units rather than transient ones: they come back with the container's unit
 * when systemd restarts it (Restart=) or a boot service starts it, with no vaina command in between.
 */
final class HealthcheckUnitFiles {
    private HealthcheckUnitFiles() {
    }

    /** The timer's name, or null when the container has no scheduled check (none, or --health-interval 0). */
    static String timer(ContainerRecord record) {
        HealthCheck check = record.healthCheck();
        return check == null || check.interval() == 0 ? null : HealthcheckUnitRenderer.timerName(record.unit());
    }

    /** Writes (or removes) the two units; returns the names of the units whose files changed. */
    static List<String> write(Engine engine, ContainerRecord record) throws IOException {
        if (timer(record) == null) {
            delete(engine, record);
            return List.of();
        }
        List<String> command = new ArrayList<>(engine.cliCommand());
        command.addAll(List.of("healthcheck", "run", record.id()));
        String unit = record.unit();
        List<String> changed = new ArrayList<>();
        if (writeIfChanged(engine, HealthcheckUnitRenderer.timerName(unit), HealthcheckUnitRenderer.renderTimer(
                record.id(), record.name(), unit, record.healthCheck().interval()))) {
            changed.add(HealthcheckUnitRenderer.timerName(unit));
        }
        if (writeIfChanged(engine, HealthcheckUnitRenderer.serviceName(unit),
                HealthcheckUnitRenderer.renderService(record.id(), record.name(), unit, command))) {
            changed.add(HealthcheckUnitRenderer.serviceName(unit));
        }
        return changed;
    }

    static void delete(Engine engine, ContainerRecord record) throws IOException {
        Files.deleteIfExists(engine.unitDirectory().resolve(HealthcheckUnitRenderer.timerName(record.unit())));
        Files.deleteIfExists(engine.unitDirectory().resolve(HealthcheckUnitRenderer.serviceName(record.unit())));
    }

    private static boolean writeIfChanged(Engine engine, String unit, String text) throws IOException {
        Path file = engine.unitDirectory().resolve(unit);
        if (Files.exists(file) && Files.readString(file).equals(text)) {
            return false;
        }
        AtomicFiles.write(file, text);
        return true;
    }
}
