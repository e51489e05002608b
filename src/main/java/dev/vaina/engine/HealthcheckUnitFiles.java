package dev.vaina.engine;

import dev.vaina.spec.HealthCheck;
import dev.vaina.spec.StartupHealthCheck;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.systemd.JobResult;
import dev.vaina.unit.HealthcheckUnitRenderer;
import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * The timers the container's unit wants, space-separated: the regular check's and, with a startup check,
     * that one's; null when the container has no scheduled check (none, or --health-interval 0).
     */
    static String timers(ContainerRecord record) {
        HealthCheck check = record.healthCheck();
        if (check == null || check.interval() == 0) {
            return null;
        }
        String timers = HealthcheckUnitRenderer.timerName(record.unit());
        return record.config().startupHealthCheck() == null ? timers
                : timers + " " + HealthcheckUnitRenderer.startupTimerName(record.unit());
    }

    /** Writes (or removes) the units; returns the names of the units whose files changed. */
    static List<String> write(Engine engine, ContainerRecord record) throws IOException {
        if (timers(record) == null) {
            delete(engine, record);
            return List.of();
        }
        String unit = record.unit();
        // A definition file's container is made afresh, with a new id, at every start of its unit: by its name,
        // which the file fixes, the units stay the same from one start to the next and need no reload.
        String container = engine.generatedUnit(unit) ? record.name() : record.id();
        List<String> command = new ArrayList<>(engine.cliCommand());
        command.addAll(List.of("healthcheck", "run", container));
        List<String> changed = new ArrayList<>();
        writeIfChanged(engine, HealthcheckUnitRenderer.timerName(unit), HealthcheckUnitRenderer.renderTimer(
                container, record.name(), unit, false, record.healthCheck().interval()), changed);
        StartupHealthCheck startup = record.config().startupHealthCheck();
        if (startup != null) {
            writeIfChanged(engine, HealthcheckUnitRenderer.startupTimerName(unit), HealthcheckUnitRenderer.renderTimer(
                    container, record.name(), unit, true, startup.interval()), changed);
        } else {
            Files.deleteIfExists(engine.unitDirectory().resolve(HealthcheckUnitRenderer.startupTimerName(unit)));
        }
        writeIfChanged(engine, HealthcheckUnitRenderer.serviceName(unit),
                HealthcheckUnitRenderer.renderService(container, record.name(), unit, command), changed);
        return changed;
    }

    /**
     * For a container of a definition file's unit, made by the create in that unit's ExecStartPre=: the unit
     * was generated before the check was known (it may come from the image), so it cannot want the timers as a
     * CLI-made container's unit does. The create writes them and starts them itself; each is bound to the unit
     * (BindsTo=, no After=), so it runs while the unit is activating, as Notify=healthy needs, and goes with it.
     */
    static void startForGeneratedUnit(Engine engine, ContainerRecord record) throws IOException {
        List<String> changed = write(engine, record);
        String timers = timers(record);
        if (timers == null) {
            return;
        }
        if (engine.systemd().anyNeedsReload(changed)) {
            engine.systemd().reload();
        }
        for (String timer : timers.split(" ")) {
            JobResult result = engine.systemd().startUnit(timer);
            if (!result.succeeded()) {
                throw new EngineException("cannot start " + timer + ", the health check's timer of container "
                        + record.name() + ": systemd says " + result);
            }
        }
    }

    static void delete(Engine engine, ContainerRecord record) throws IOException {
        Files.deleteIfExists(engine.unitDirectory().resolve(HealthcheckUnitRenderer.timerName(record.unit())));
        Files.deleteIfExists(engine.unitDirectory().resolve(HealthcheckUnitRenderer.serviceName(record.unit())));
        Files.deleteIfExists(engine.unitDirectory().resolve(HealthcheckUnitRenderer.startupTimerName(record.unit())));
    }

    private static void writeIfChanged(Engine engine, String unit, String text, List<String> changed) throws IOException {
        if (AtomicFiles.writeIfChanged(engine.unitDirectory().resolve(unit), text)) {
            changed.add(unit);
        }
    }
}
