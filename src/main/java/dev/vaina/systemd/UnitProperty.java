package dev.vaina.systemd;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.types.Variant;

/**
 * One property of a transient unit, D-Bus signature (sv). Public only because dbus-java serialises it by
 * reflection; build transient units through {@link TransientService}.
 */
public final class UnitProperty extends Struct {
    @Position(0)
    public final String name;
    @Position(1)
    public final Variant<?> value;

    public UnitProperty(String name, Variant<?> value) {
        this.name = name;
        this.value = value;
    }
}
