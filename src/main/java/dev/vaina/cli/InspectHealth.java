package dev.vaina.cli;

import dev.vaina.spec.HealthCheck;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.HealthState;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's health check in inspect's layout: Config.Healthcheck and State.Health, as Podman 4.3 prints them. */
final class InspectHealth {
    private InspectHealth() {
    }

    /** Podman's Schema2HealthConfig: zero durations are left out. */
    static Map<String, Object> config(HealthCheck check) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Test", check.test());
        putIfSet(map, "StartPeriod", check.startPeriod());
        putIfSet(map, "Interval", check.interval());
        putIfSet(map, "Timeout", check.timeout());
        map.put("Retries", check.retries());
        return map;
    }

    /** State.Health: empty (no status, no log) for a container without a check. */
    static Map<String, Object> state(StoreLayout layout, ContainerRecord record) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        if (record.healthCheck() == null) {
            map.put("Status", "");
            map.put("FailingStreak", 0);
            map.put("Log", null);
            return map;
        }
        HealthState state = HealthState.read(layout, record.id());
        map.put("Status", state.status());
        map.put("FailingStreak", state.failingStreak());
        List<Map<String, Object>> log = new ArrayList<>();
        for (HealthState.Check check : state.log()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Start", check.start());
            entry.put("End", check.end());
            entry.put("ExitCode", check.exitCode());
            entry.put("Output", check.output());
            log.add(entry);
        }
        map.put("Log", log.isEmpty() ? null : log);
        return map;
    }

    private static void putIfSet(Map<String, Object> map, String key, long nanos) {
        if (nanos != 0) {
            map.put(key, nanos);
        }
    }
}
