package dev.vaina.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * The members of systemd's {@code org.freedesktop.systemd1.Manager} interface that vaina calls, and the
 * properties of its units and jobs, with the signatures org.freedesktop.systemd1(5) gives them. Only
 * {@link Systemd} uses it.
 */
final class Manager {
    static final String BUS_NAME = "org.freedesktop.systemd1";
    static final String OBJECT_PATH = "/org/freedesktop/systemd1";
    static final String INTERFACE = "org.freedesktop.systemd1.Manager";
    /** The signal a subscribed client gets once a job finished: JobRemoved(u id, o job, s unit, s result). */
    static final String JOB_REMOVED = "JobRemoved";
    static final String JOB_REMOVED_RULE = "type='signal',sender='" + BUS_NAME + "',path='" + OBJECT_PATH
            + "',interface='" + INTERFACE + "',member='" + JOB_REMOVED + "'";
    private static final String PROPERTIES = "org.freedesktop.DBus.Properties";

    private final BusConnection bus;

    Manager(BusConnection bus) {
        this.bus = bus;
    }

    /** Queues a start job; returns the job's object path. */
    String startUnit(String name, String mode) throws BusError {
        return (String) call("StartUnit", "ss", name, mode).get(0);
    }

    String stopUnit(String name, String mode) throws BusError {
        return (String) call("StopUnit", "ss", name, mode).get(0);
    }

    String restartUnit(String name, String mode) throws BusError {
        return (String) call("RestartUnit", "ss", name, mode).get(0);
    }

    /** Properties are (name, variant) pairs; vaina sends no auxiliary units. */
    String startTransientUnit(String name, String mode, List<List<Object>> properties) throws BusError {
        return (String) call("StartTransientUnit", "ssa(sv)a(sa(sv))", name, mode, properties, List.of()).get(0);
    }

    void setUnitProperties(String name, boolean runtime, List<List<Object>> properties) throws BusError {
        call("SetUnitProperties", "sba(sv)", name, runtime, properties);
    }

    void killUnit(String name, String whom, int signal) throws BusError {
        call("KillUnit", "ssi", name, whom, signal);
    }

    void resetFailedUnit(String name) throws BusError {
        call("ResetFailedUnit", "s", name);
    }

    /** The unit's object path; fails (NoSuchUnit) for a unit that is not in memory. */
    String getUnit(String name) throws BusError {
        return (String) call("GetUnit", "s", name).get(0);
    }

    List<UnitInfo> listUnitsByNames(List<String> names) throws BusError {
        List<UnitInfo> infos = new ArrayList<>();
        for (Object entry : (List<?>) call("ListUnitsByNames", "as", names).get(0)) {
            infos.add(UnitInfo.of((List<?>) entry));
        }
        return infos;
    }

    /**
     * Asks the manager to send job and unit signals to this client, the bus to route them here by match rule;
     * without waiting: the bus and the manager take a client's messages in the order it sent them, so a job queued
     * next is queued once both are in place.
     *
     * @return the two replies, to be awaited for their errors
     */
    List<BusConnection.PendingReply> subscribe() throws BusError {
        return List.of(bus.askToAddMatch(JOB_REMOVED_RULE), bus.send(BUS_NAME, OBJECT_PATH, INTERFACE, "Subscribe", "",
                List.of()));
    }

    void reload() throws BusError {
        call("Reload", "");
    }

    /** Reads one property of the object at path (a unit or a job). */
    Object property(String path, String interfaceName, String name) throws BusError {
        return askProperty(path, interfaceName, name).await().get(0);
    }

    /** Asks for one property without waiting, so that several questions share the round trip. */
    BusConnection.PendingReply askProperty(String path, String interfaceName, String name) throws BusError {
        return bus.send(BUS_NAME, path, PROPERTIES, "Get", "ss", List.of(interfaceName, name));
    }

    /** Asks for all properties of one interface without waiting; the reply is one a{sv}. */
    BusConnection.PendingReply askProperties(String path, String interfaceName) throws BusError {
        return bus.send(BUS_NAME, path, PROPERTIES, "GetAll", "s", List.of(interfaceName));
    }

    private List<Object> call(String member, String signature, Object... args) throws BusError {
        return bus.call(BUS_NAME, OBJECT_PATH, INTERFACE, member, signature, List.of(args));
    }

    /** One entry of ListUnitsByNames, signature (ssssssouso); the fields vaina reads. */
    record UnitInfo(String name, String loadState, String activeState, String subState, String unitPath) {
        static UnitInfo of(List<?> fields) throws BusError {
            try {
                return new UnitInfo((String) fields.get(0), (String) fields.get(2), (String) fields.get(3),
                        (String) fields.get(4), (String) fields.get(6));
            } catch (ClassCastException | IndexOutOfBoundsException e) {
                throw BusError.protocol("ListUnitsByNames answered an entry that is not (ssssssouso): " + fields);
            }
        }
    }
}
