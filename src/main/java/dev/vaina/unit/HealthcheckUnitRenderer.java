package dev.vaina.unit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the timer and the service that run a container's health check on schedule, from
 * templates/healthcheck.timer.ftl and healthcheck.service.ftl.
 */
public final class HealthcheckUnitRenderer {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private HealthcheckUnitRenderer() {
    }

    /** The base name of a container's health check units: container-web.service has container-web-healthcheck. */
    public static String baseName(String containerUnit) {
        return containerUnit.substring(0, containerUnit.length() - ".service".length()) + "-healthcheck";
    }

    public static String timerName(String containerUnit) {
        return baseName(containerUnit) + ".timer";
    }

    /** The timer of the startup check (--health-startup-cmd), which runs the same service more often. */
    public static String startupTimerName(String containerUnit) {
        return baseName(containerUnit) + "-startup.timer";
    }

    public static String serviceName(String containerUnit) {
        return baseName(containerUnit) + ".service";
    }

    /**
     * @param startup whether it is the startup check's timer ({@link #startupTimerName}) or the regular one's
     * @param intervalNanos between checks
     */
    public static String renderTimer(String containerId, String name, String containerUnit, boolean startup,
            long intervalNanos) {
        Map<String, Object> values = values(containerId, name, containerUnit);
        String timer = startup ? startupTimerName(containerUnit) : timerName(containerUnit);
        values.put("timerName", timer);
        values.put("what", startup ? "startup health check" : "health check");
        long micros = Math.max(1, intervalNanos / 1000);
        values.put("interval", timeSpan(micros));
        // systemd's default accuracy is a minute; a check due every few seconds must not drift that far.
        values.put("accuracy", micros < MICROS_PER_SECOND ? timeSpan(micros) : "1s");
        return UnitTemplates.render("healthcheck.timer.ftl", values, timer);
    }

    /** A time span as systemd.time(7) reads it, in the largest unit that keeps it exact. */
    private static String timeSpan(long micros) {
        if (micros % MICROS_PER_SECOND == 0) {
            return micros / MICROS_PER_SECOND + "s";
        }
        return micros % 1000 == 0 ? micros / 1000 + "ms" : micros + "us";
    }

    public static String renderService(String containerId, String name, String containerUnit, List<String> execStart) {
        Map<String, Object> values = values(containerId, name, containerUnit);
        values.put("execStart", SystemdQuoting.commandLine(execStart));
        return UnitTemplates.render("healthcheck.service.ftl", values, serviceName(containerUnit));
    }

    private static Map<String, Object> values(String containerId, String name, String containerUnit) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", containerId);
        values.put("name", SystemdQuoting.escapeSpecifiers(name));
        values.put("containerUnit", containerUnit);
        values.put("serviceName", serviceName(containerUnit));
        return values;
    }
}
