package dev.vaina.engine;

import dev.vaina.launch.ContainerPaths;
import dev.vaina.spec.HealthCheck;
import dev.vaina.spec.HealthOnFailure;
import dev.vaina.spec.Instants;
import dev.vaina.spec.NotifyMode;
import dev.vaina.spec.StartupHealthCheck;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.Event;
import dev.vaina.store.HealthState;
import dev.vaina.unit.HealthcheckUnitRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs a container's health check (its command, through the runtime's exec), records what it found, and
 * acts on the result: the --health-on-failure action once the container is unhealthy, and, for
 * --sdnotify=healthy, the marker that lets the monitor tell systemd the container is ready. systemd runs
 * it on schedule, through the timer beside the container's unit ({@link HealthcheckUnitFiles}).
 */
public final class Healthchecks {
    private final Engine engine;

    Healthchecks(Engine engine) {
        this.engine = engine;
    }

    /**
     * Runs the check that applies now (the startup check until it has passed, then the regular one) and
     * returns whether it passed; the container's state is in {@link HealthState}.
     */
    public boolean run(ContainerRecord record) throws IOException {
        HealthCheck regular = record.healthCheck();
        if (regular == null) {
            throw new EngineException("container " + record.id() + " has no defined healthcheck");
        }
        ContainerState state = Liveness.reconcile(engine.store(), record);
        if (!state.isRunning()) {
            throw new EngineException("container " + record.id() + " is not running");
        }
        StartupHealthCheck startup = record.config().startupHealthCheck();
        boolean startupPhase = startup != null && !HealthState.read(engine.layout(), record.id()).startupPassed();
        HealthCheck check = startupPhase ? startup.asHealthCheck() : regular;
        Instant start = Instant.now();
        ExecSession.Captured result = capture(record, check);
        // As Podman: any failure is exit code 1 in the log, a check that timed out -1.
        int code = result.timedOut() ? -1 : result.exitCode() == 0 ? 0 : 1;
        HealthState.Check entry = new HealthState.Check(Instants.format(start), Instants.format(Instant.now()), code,
                result.timedOut() ? "" : stripFinalNewline(result.output()));
        if (startupPhase) {
            afterStartupCheck(record, startup, entry);
        } else {
            afterCheck(record, regular, state, start, entry);
        }
        if (result.timedOut()) {
            throw new EngineException("healthcheck command exceeded timeout of " + seconds(check.timeout()));
        }
        return code == 0;
    }

    private ExecSession.Captured capture(ContainerRecord record, HealthCheck check) throws IOException {
        ExecSession session = engine.exec().prepare(record,
                new ExecRequest(check.command(), Map.of(), null, null, false, false, false));
        try {
            return session.runCaptured(Duration.ofNanos(check.timeout()));
        } finally {
            session.deleteFiles();
        }
    }

    private void afterCheck(ContainerRecord record, HealthCheck check, ContainerState state, Instant start,
            HealthState.Check entry) throws IOException {
        boolean inStartPeriod = state.startedAt() != null
                && start.isBefore(Instants.parse(state.startedAt()).plusNanos(check.startPeriod()));
        HealthState after = HealthState.record(engine.layout(), record.id(),
                health -> health.after(entry, inStartPeriod, check.retries()));
        engine.record(Event.health(record, after.status()));
        if (HealthState.HEALTHY.equals(after.status()) && record.config().sdNotify() == NotifyMode.HEALTHY) {
            markHealthy(record);
        }
        if (entry.exitCode() != 0 && HealthState.UNHEALTHY.equals(after.status())) {
            act(record, record.config().healthOnFailure());
        }
    }

    /** Once the startup check has passed, its timer stops; after its retries, the container restarts. */
    private void afterStartupCheck(ContainerRecord record, StartupHealthCheck startup, HealthState.Check entry)
            throws IOException {
        HealthState after = HealthState.record(engine.layout(), record.id(),
                health -> health.afterStartup(entry, startup.requiredSuccesses()));
        if (after.startupPassed()) {
            engine.systemd().stopUnit(HealthcheckUnitRenderer.startupTimerName(record.unit()));
        } else if (startup.retries() > 0 && after.startupFailures() >= startup.retries()) {
            act(record, HealthOnFailure.RESTART);
        }
    }

    /** The monitor of a --sdnotify=healthy container sends READY=1 once this file exists. */
    private void markHealthy(ContainerRecord record) throws IOException {
        Path marker = new ContainerPaths(engine.layout(), record.id()).healthyMarker();
        if (!Files.exists(marker)) {
            AtomicFiles.write(marker, "");
        }
    }

    private void act(ContainerRecord record, HealthOnFailure action) throws IOException {
        switch (action) {
            case NONE -> {
            }
            case KILL -> engine.containers().kill(record, 9);
            case STOP -> engine.containers().stop(record, null);
            // Not waited for: with --sdnotify=healthy the restarted unit becomes active only after a check,
            // and the timer cannot start the next one while this one still runs.
            case RESTART -> engine.systemd().queueRestart(record.unit());
        }
    }

    private static String stripFinalNewline(String output) {
        return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
    }

    private static String seconds(long nanos) {
        return nanos % 1_000_000_000L == 0 ? nanos / 1_000_000_000L + "s" : nanos / 1_000_000L + "ms";
    }
}
