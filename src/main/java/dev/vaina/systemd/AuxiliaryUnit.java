package dev.vaina.systemd;

import java.util.List;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/**
 * An auxiliary unit of StartTransientUnit, D-Bus signature (sa(sv)). vaina sends none, but the method's
 * signature needs the type.
 */
public final class AuxiliaryUnit extends Struct {
    @Position(0)
    public final String name;
    @Position(1)
    public final List<UnitProperty> properties;

    public AuxiliaryUnit(String name, List<UnitProperty> properties) {
        this.name = name;
        this.properties = properties;
    }
}
