package dev.vaina.systemd;

import java.util.ArrayList;
import java.util.List;
import org.freedesktop.dbus.types.Variant;

/**
 * A service that exists only while it runs (StartTransientUnit): no unit file, no daemon-reload. It is
 * bound to another unit, so that stopping that unit stops this one too, and it is unloaded as soon as
 * it ends, failed or not.
 *
 * @param execStopPost run after the service ended, whatever its result (may be empty)
 * @param standardErrorFile where the service's stderr goes (its stdout goes nowhere)
 */
public record TransientService(String name, String description, List<String> execStart, List<String> execStopPost,
        String boundTo, String standardErrorFile) {

    List<UnitProperty> properties() {
        List<UnitProperty> properties = new ArrayList<>();
        properties.add(new UnitProperty("Description", new Variant<>(description)));
        properties.add(new UnitProperty("ExecStart", commands(execStart)));
        if (!execStopPost.isEmpty()) {
            properties.add(new UnitProperty("ExecStopPost", commands(execStopPost)));
        }
        properties.add(new UnitProperty("BindsTo", new Variant<>(List.of(boundTo), "as")));
        properties.add(new UnitProperty("After", new Variant<>(List.of(boundTo), "as")));
        properties.add(new UnitProperty("CollectMode", new Variant<>("inactive-or-failed")));
        properties.add(new UnitProperty("StandardOutput", new Variant<>("null")));
        properties.add(new UnitProperty("StandardErrorFile", new Variant<>(standardErrorFile)));
        return properties;
    }

    private static Variant<?> commands(List<String> argv) {
        return new Variant<>(List.of(new ExecCommand(argv.get(0), argv, false)), "a(sasb)");
    }
}
