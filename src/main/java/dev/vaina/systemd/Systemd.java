package dev.vaina.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one door from vaina to systemd: start, stop, kill and inspect units over D-Bus. Open it in
 * try-with-resources; one instance is not meant to be shared between threads.
 */
public final class Systemd implements AutoCloseable {
    private static final String UNIT_INTERFACE = "org.freedesktop.systemd1.Unit";
    private static final String SERVICE_INTERFACE = "org.freedesktop.systemd1.Service";
    private static final String JOB_INTERFACE = "org.freedesktop.systemd1.Job";
    /** How often a waiter checks that its job still exists, in case its JobRemoved signal never comes. */
    private static final long JOB_CHECK_INTERVAL_MILLIS = 2_000;
    /** How long a signal may lag behind its job's end on a busy machine before the unit's state is asked. */
    private static final long LATE_SIGNAL_MILLIS = 1_000;
    /**
     * How long a call waits for systemd's answer. The 20 s other clients wait is short for a manager that is
     * stopping and cleaning up dozens of units on a saturated machine; a call that still gets no answer fails
     * naming this wait.
     */
    static final Duration REPLY_TIMEOUT = Duration.ofMinutes(2);

    private final ManagerScope scope;
    private final BusConnection connection;
    private final Manager manager;
    private final JobTracker jobs = new JobTracker();
    private boolean subscribed;

    private Systemd(ManagerScope scope, BusConnection connection) {
        this.scope = scope;
        this.connection = connection;
        this.manager = new Manager(connection);
        connection.onSignal(jobs);
    }

    /** Connects to the bus on which the chosen manager listens, over the JDK's own unix-domain socket. */
    public static Systemd connect(ManagerScope scope) {
        return connect(scope, ChannelBusSocket.OPENER);
    }

    /** Connects to the bus on which the chosen manager listens, over a socket that {@code opener} connects. */
    public static Systemd connect(ManagerScope scope, BusSocket.Opener opener) {
        String address = busAddress(scope);
        try {
            return new Systemd(scope, BusConnection.open(address, ManagerScope.effectiveUid(), REPLY_TIMEOUT.toMillis(),
                    opener));
        } catch (BusError e) {
            throw new ManagerUnreachableException("cannot connect to the systemd " + scope + " manager's bus at "
                    + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * The user manager listens on the session bus; a login session exports its address, and where none does
     * (a service, a test harness), the bus socket sits at its well-known place in the runtime directory.
     */
    static String busAddress(ManagerScope scope) {
        if (scope == ManagerScope.SYSTEM) {
            String address = System.getenv("DBUS_SYSTEM_BUS_ADDRESS");
            return address != null && !address.isEmpty() ? address : "unix:path=/run/dbus/system_bus_socket";
        }
        String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isEmpty()) {
            return address;
        }
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isEmpty()) {
            return "unix:path=" + runtimeDir + "/bus";
        }
        throw new ManagerUnreachableException("cannot find the systemd user manager's bus: neither"
                + " DBUS_SESSION_BUS_ADDRESS nor XDG_RUNTIME_DIR is set (log in through a session that starts a user manager,"
                + " or choose the system manager)");
    }

    public ManagerScope scope() {
        return scope;
    }

    /** Starts the unit ("replace" mode) and waits until systemd removed the job. */
    public JobResult startUnit(String unit) {
        return runJob("start", unit);
    }

    public JobResult stopUnit(String unit) {
        return runJob("stop", unit);
    }

    public JobResult restartUnit(String unit) {
        return runJob("restart", unit);
    }

    /** Queues a start and returns at once: for a unit ordered after the one whose start this caller is part of. */
    public void queueStart(String unit) {
        try {
            manager.startUnit(unit, "replace");
        } catch (BusError e) {
            throw failure("cannot start", unit, e);
        }
    }

    /**
     * Queues a restart and returns at once. For a caller that the restart itself waits for (a unit that
     * becomes active only after a check that this caller must finish first).
     */
    public void queueRestart(String unit) {
        try {
            manager.restartUnit(unit, "replace");
        } catch (BusError e) {
            throw failure("cannot restart", unit, e);
        }
    }

    /** Starts a transient service and waits until systemd removed the start job. */
    public JobResult startTransientService(TransientService service) {
        return runJob("start", service.name(),
                () -> manager.startTransientUnit(service.name(), "fail", service.properties()));
    }

    /** Sends a signal to the unit's processes; whom is "main", "control" or "all". */
    public void killUnit(String unit, String whom, int signal) {
        try {
            manager.killUnit(unit, whom, signal);
        } catch (BusError e) {
            throw failure("cannot send signal " + signal + " to " + whom + " process(es) of", unit, e);
        }
    }

    /**
     * Changes properties of a loaded unit at once, for the running manager only (SetUnitProperties with runtime
     * true): systemd applies them to the unit's cgroup and keeps them until the manager restarts. Values are Longs
     * (D-Bus t, where -1 is the largest value, "infinity") or byte arrays (ay).
     */
    public void setUnitProperties(String unit, Map<String, Object> properties) {
        List<List<Object>> list = new ArrayList<>();
        properties.forEach((name, value) -> list.add(List.of(name,
                new Variant(value instanceof Long ? "t" : "ay", value))));
        try {
            manager.setUnitProperties(unit, true, list);
        } catch (BusError e) {
            throw failure("cannot set " + String.join(", ", properties.keySet()) + " of", unit, e);
        }
    }

    /** Forgets a failed state (and the start rate limit), so that systemd may unload the unit. */
    public void resetFailedUnit(String unit) {
        try {
            manager.resetFailedUnit(unit);
        } catch (BusError e) {
            if (!isLoaded(unit)) {
                return; // nothing to forget
            }
            throw failure("cannot reset the failed state of", unit, e);
        }
    }

    /** Reloads every unit file (daemon-reload). A new unit file is loaded on demand without it. */
    public void reload() {
        try {
            manager.reload();
        } catch (BusError e) {
            throw new SystemdException("cannot reload the systemd " + scope + " manager: " + e.getMessage(), e);
        }
    }

    /** {@link #needsReload} of any of {@code units}; false for none. A loop: no lambda on a container's start. */
    public boolean anyNeedsReload(List<String> units) {
        for (String unit : units) {
            if (needsReload(unit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether systemd has the unit in memory from an older file than the one there now, so that only a reload
     * makes it read the new one. Asked without loading the unit: one that is not in memory reads its file when
     * it is next loaded.
     */
    public boolean needsReload(String unit) {
        String path;
        try {
            path = manager.getUnit(unit);
        } catch (BusError e) {
            if (e.isLocal()) {
                throw failure("cannot look up", unit, e);
            }
            return false; // NoSuchUnit: not in memory
        }
        try {
            return Boolean.TRUE.equals(manager.property(path, UNIT_INTERFACE, "NeedDaemonReload"));
        } catch (BusError e) {
            throw failure("cannot read the properties of", unit, e);
        }
    }

    /** The status of one unit; a unit systemd has no file for is "not-found", not an error. */
    public UnitStatus status(String unit) {
        return statuses(List.of(unit)).get(unit);
    }

    /**
     * The statuses of several units, keyed by the names asked for, in their order. One ListUnitsByNames call
     * gives the states of all of them; the service properties of the loaded ones are then asked for all at
     * once (pipelined), so the cost is about two round trips whatever the number of units.
     */
    public Map<String, UnitStatus> statuses(Collection<String> units) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(units));
        List<Manager.UnitInfo> infos;
        try {
            infos = manager.listUnitsByNames(names);
        } catch (BusError e) {
            throw new SystemdException("cannot list units " + names + ": " + e.getMessage(), e);
        }
        Map<String, Manager.UnitInfo> byName = matchInfos(names, infos);
        Map<String, PendingProperties> pending = new HashMap<>();
        for (String name : names) {
            Manager.UnitInfo info = byName.get(name);
            if (info != null && !"not-found".equals(info.loadState())) {
                pending.put(name, askProperties(name, info.unitPath()));
            }
        }
        Map<String, UnitStatus> statuses = new LinkedHashMap<>();
        for (String name : names) {
            Manager.UnitInfo info = byName.get(name);
            if (info == null || "not-found".equals(info.loadState())) {
                statuses.put(name, UnitStatus.notFound(name));
                continue;
            }
            statuses.put(name, pending.get(name).toStatus(name, info));
        }
        return statuses;
    }

    /**
     * systemd skips names that are not valid unit names and answers with a unit's primary name where an alias
     * was asked for, so the answer lines up with the question by position only when nothing was skipped.
     */
    private static Map<String, Manager.UnitInfo> matchInfos(List<String> names, List<Manager.UnitInfo> infos) {
        Map<String, Manager.UnitInfo> byName = new HashMap<>();
        if (infos.size() == names.size()) {
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), infos.get(i));
            }
        } else {
            for (Manager.UnitInfo info : infos) {
                byName.put(info.name(), info);
            }
        }
        return byName;
    }

    private PendingProperties askProperties(String unit, String unitPath) {
        try {
            BusConnection.PendingReply unitReply = manager.askProperty(unitPath, UNIT_INTERFACE, "NeedDaemonReload");
            BusConnection.PendingReply serviceReply = unit.endsWith(".service")
                    ? manager.askProperties(unitPath, SERVICE_INTERFACE)
                    : null;
            return new PendingProperties(unitReply, serviceReply);
        } catch (BusError e) {
            throw failure("cannot read the properties of", unit, e);
        }
    }

    /** Replies to the property calls for one unit, read once all calls have been sent. */
    private final class PendingProperties {
        private final BusConnection.PendingReply unitReply;
        private final BusConnection.PendingReply serviceReply;

        PendingProperties(BusConnection.PendingReply unitReply, BusConnection.PendingReply serviceReply) {
            this.unitReply = unitReply;
            this.serviceReply = serviceReply;
        }

        UnitStatus toStatus(String name, Manager.UnitInfo info) {
            boolean needReload;
            Map<?, ?> service = Map.of();
            try {
                needReload = Boolean.TRUE.equals(unitReply.await().get(0));
                if (serviceReply != null) {
                    service = (Map<?, ?>) serviceReply.await().get(0);
                }
            } catch (BusError e) {
                throw failure("cannot read the properties of", name, e);
            }
            return new UnitStatus(name, info.loadState(), info.activeState(), info.subState(),
                    number(service.get("MainPID")), (int) number(service.get("ExecMainCode")),
                    (int) number(service.get("ExecMainStatus")), needReload, text(service.get("Result")));
        }

        private long number(Object value) {
            return value instanceof Number number ? number.longValue() : 0;
        }

        private String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }

    /**
     * Queues a job and waits for its JobRemoved signal. The handler is registered and Subscribe() called before
     * the job is queued, because a fast job (an already active unit, a unit that fails at once) is removed
     * before the call that queued it has even returned.
     */
    private JobResult runJob(String verb, String unit) {
        // An object, not a lambda: a JVM's first lambda sets the method-handle machinery up, 1-7 ms of a command.
        return runJob(verb, unit, new JobRequest() {
            @Override
            public String queue() throws BusError {
                return switch (verb) {
                    case "start" -> manager.startUnit(unit, "replace");
                    case "stop" -> manager.stopUnit(unit, "replace");
                    case "restart" -> manager.restartUnit(unit, "replace");
                    default -> throw new IllegalArgumentException(verb);
                };
            }
        });
    }

    private JobResult runJob(String verb, String unit, JobRequest queue) {
        List<BusConnection.PendingReply> subscription = subscribe(verb, unit);
        String job;
        try {
            job = queue.queue();
        } catch (BusError e) {
            throw failure("cannot " + verb, unit, e);
        }
        awaitSubscription(subscription);
        return awaitJob(verb, unit, job);
    }

    /** A call that queues a job and answers with the job's object path. */
    @FunctionalInterface
    private interface JobRequest {
        String queue() throws BusError;
    }

    /**
     * Subscribes once per connection, without waiting for the answers: the job queued next shares their round
     * trip. A call that finds the subscription asked for already queues its job after it, on the same connection.
     *
     * @return the answers to await, or null when an earlier call asked
     */
    private synchronized List<BusConnection.PendingReply> subscribe(String verb, String unit) {
        if (subscribed) {
            return null;
        }
        try {
            List<BusConnection.PendingReply> replies = manager.subscribe();
            subscribed = true;
            return replies;
        } catch (BusError e) {
            throw subscriptionFailed(verb, unit, e);
        }
    }

    /**
     * The subscription's answers, which came before the job's (the bus and the manager answer in order). Should it
     * have failed, the job is queued all the same: {@link #awaitJob} then judges it without its signal, as it does
     * a signal that comes late, and the next job asks again.
     */
    private void awaitSubscription(List<BusConnection.PendingReply> replies) {
        if (replies == null) {
            return;
        }
        try {
            for (BusConnection.PendingReply reply : replies) {
                reply.await();
            }
        } catch (BusError e) {
            synchronized (this) {
                subscribed = false;
            }
        }
    }

    private SystemdException subscriptionFailed(String verb, String unit, BusError e) {
        return new SystemdException("cannot " + verb + " unit " + unit + ": cannot subscribe to the systemd "
                + scope + " manager's job signals: " + e.getMessage(), e);
    }

    private JobResult awaitJob(String verb, String unit, String jobPath) {
        try {
            while (true) {
                String result = jobs.await(jobPath, JOB_CHECK_INTERVAL_MILLIS);
                if (result != null) {
                    return JobResult.of(result);
                }
                if (!jobExists(jobPath)) {
                    // Gone without its signal reaching us yet (a busy machine delays it): wait a little more,
                    // then judge by the unit's state.
                    result = jobs.await(jobPath, LATE_SIGNAL_MILLIS);
                    if (result != null) {
                        return JobResult.of(result);
                    }
                    return judgedByState(verb, status(unit));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemdException("interrupted while waiting for systemd to " + verb + " unit " + unit
                    + " (job " + jobPath + " goes on)", e);
        }
    }

    /**
     * The result of a finished job whose signal was lost. A stop leaves the unit inactive or failed, and failed
     * says how the service ended (a container killed after its stop timeout exits 137), not that the stop
     * failed; a start failed when the unit is failed.
     */
    static JobResult judgedByState(String verb, UnitStatus status) {
        if ("stop".equals(verb)) {
            boolean stopped = status.isFailed() || "inactive".equals(status.activeState()) || status.isNotFound();
            return stopped ? JobResult.DONE : JobResult.FAILED;
        }
        return status.isFailed() ? JobResult.FAILED : JobResult.DONE;
    }

    private boolean jobExists(String jobPath) {
        try {
            manager.property(jobPath, JOB_INTERFACE, "State");
            return true;
        } catch (BusError e) {
            return false;
        }
    }

    /**
     * Whether the manager has the unit in memory now. GetUnit, unlike the other calls, does not load a unit (it
     * fails for one that is not in memory); {@link #status} loads it to answer, so its answer is always "loaded"
     * for a unit with a file, and systemd drops it again soon after when nothing holds it.
     */
    public boolean isLoaded(String unit) {
        try {
            manager.getUnit(unit);
            return true;
        } catch (BusError e) {
            return false;
        }
    }

    /**
     * systemd's NoSuchUnit means "not loaded" to some calls (KillUnit, GetUnit) and "no file either" to others,
     * and other errors may have the same cause: whether the unit exists at all is therefore asked afterwards,
     * on this failure path only.
     */
    private SystemdException failure(String what, String unit, BusError e) {
        String message = what + " unit " + unit + ": " + e.getMessage();
        if (BusError.NO_REPLY.equals(e.name())) {
            message += " (waited " + REPLY_TIMEOUT.toSeconds() + " s for the systemd " + scope + " manager to answer)";
        }
        if (!e.isLocal() && unitIsUnknown(unit)) {
            return new NoSuchUnitException(unit, message, e);
        }
        return new SystemdException(message, e);
    }

    private boolean unitIsUnknown(String unit) {
        try {
            List<Manager.UnitInfo> infos = manager.listUnitsByNames(List.of(unit));
            return infos.isEmpty() || "not-found".equals(infos.get(0).loadState());
        } catch (BusError e) {
            return false;
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    /**
     * Results of removed jobs, from the bus connection's reading thread to the waiting caller. The connection's
     * listener itself, not a method reference: no lambda on the connection's way.
     */
    private static final class JobTracker implements Consumer<BusMessage> {
        // Jobs of other clients land here too; a connection lives for one command, so they stay few.
        private final Map<String, String> removed = new HashMap<>();

        /** Takes JobRemoved(u id, o job, s unit, s result) signals; the connection routes only those here. */
        @Override
        public synchronized void accept(BusMessage signal) {
            if (!Manager.JOB_REMOVED.equals(signal.member()) || !Manager.INTERFACE.equals(signal.interfaceName())
                    || !"uoss".equals(signal.signature())) {
                return;
            }
            removed.put((String) signal.body().get(1), (String) signal.body().get(3));
            notifyAll();
        }
        /** The job's result, or null if it was not removed within the given time. */
        synchronized String await(String jobPath, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000;
            while (true) {
                String result = removed.remove(jobPath);
                if (result != null) {
                    return result;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                wait(left);
            }
        }
    }
}
