package dev.vaina.systemd;

import java.util.List;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/**
 * The part of systemd's {@code org.freedesktop.systemd1.Manager} interface that vaina calls, member names as
 * systemd spells them (see org.freedesktop.systemd1(5)). Only {@link Systemd} uses it.
 */
@DBusInterfaceName("org.freedesktop.systemd1.Manager")
interface Manager extends DBusInterface {
    String BUS_NAME = "org.freedesktop.systemd1";
    String OBJECT_PATH = "/org/freedesktop/systemd1";

    DBusPath StartUnit(String name, String mode);

    DBusPath StopUnit(String name, String mode);

    DBusPath RestartUnit(String name, String mode);

    DBusPath StartTransientUnit(String name, String mode, List<UnitProperty> properties, List<AuxiliaryUnit> aux);

    void SetUnitProperties(String name, boolean runtime, List<UnitProperty> properties);

    void KillUnit(String name, String whom, int signal);

    void ResetFailedUnit(String name);

    DBusPath GetUnit(String name);

    DBusPath LoadUnit(String name);

    List<UnitInfo> ListUnitsByNames(List<String> names);

    void Subscribe();

    void Unsubscribe();

    void Reload();

    /** JobRemoved(u id, o job, s unit, s result): sent once a job finished, for subscribed clients. */
    class JobRemoved extends DBusSignal {
        private final UInt32 id;
        private final DBusPath job;
        private final String unit;
        private final String result;

        public JobRemoved(String path, UInt32 id, DBusPath job, String unit, String result) throws DBusException {
            super(path, id, job, unit, result);
            this.id = id;
            this.job = job;
            this.unit = unit;
            this.result = result;
        }

        public UInt32 getId() {
            return id;
        }

        public DBusPath getJob() {
            return job;
        }

        public String getUnit() {
            return unit;
        }

        public String getResult() {
            return result;
        }
    }
}
