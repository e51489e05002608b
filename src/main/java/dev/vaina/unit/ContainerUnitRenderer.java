package dev.vaina.unit;

import java.util.HashMap;
import java.util.Map;

import dev.vaina.spec.RestartPolicy;

/** Renders container-NAME.service from templates/container.service.ftl. */
public final class ContainerUnitRenderer {
    static final String TEMPLATE = "container.service.ftl";
    /** Beyond the container's stop timeout, time for the monitor to SIGKILL it, reap it and exit. */
    static final int STOP_MARGIN_SECONDS = 5;
    static final int START_TIMEOUT_SECONDS = 120;
    static final int RESTART_DELAY_SECONDS = 1;

    private ContainerUnitRenderer() {
    }

    public static String render(ContainerUnitModel model) {
        Map<String, Object> values = new HashMap<>();
        values.put("unitName", model.unitName());
        values.put("id", model.containerId());
        values.put("name", model.name().value());
        values.put("image", model.image());
        values.put("description", SystemdQuoting.escapeSpecifiers(model.description()));
        values.put("execStart", SystemdQuoting.commandLine(model.execStart()));
        if (!model.execStopPost().isEmpty()) {
            values.put("execStopPost", SystemdQuoting.commandLine(model.execStopPost()));
        }
        values.put("timeoutStopSec", Integer.toString(model.stopTimeoutSeconds() + STOP_MARGIN_SECONDS));
        values.put("timeoutStartSec", Integer.toString(START_TIMEOUT_SECONDS));
        if (model.removedOnExit()) {
            values.put("collectFailed", "yes");
        }
        if (model.stopWhenUnneeded()) {
            values.put("stopWhenUnneeded", "yes");
        }
        if (!model.bindsTo().isEmpty()) {
            values.put("bindsTo", String.join(" ", model.bindsTo()));
        }
        values.put("resources", ResourceDirective.lines(model.limits()));
        if (model.slice() != null) {
            values.put("slice", model.slice());
        }
        if (model.wants() != null) {
            values.put("wants", model.wants());
        }
        values.put("notifyAccess", model.notifyAccess());
        values.put("killSignal", model.killSignal() != null ? model.killSignal() : "SIGTERM");
        if (model.killSignal() != null) {
            values.put("handedOver", "yes");
        }
        if (model.startsBefore() != null) {
            values.put("startsBefore", model.startsBefore());
        }
        values.put("syslogIdentifier", SystemdQuoting.escapeSpecifiers(model.name().value()));
        putRestart(model.restartPolicy(), values);
        return UnitTemplates.render(TEMPLATE, values, model.unitName());
    }

    private static void putRestart(RestartPolicy policy, Map<String, Object> values) {
        switch (policy.kind()) {
            case NO -> values.put("restart", "no");
            case ON_FAILURE -> {
                values.put("restart", "on-failure");
                if (policy.maxRetries() > 0) {
                    // systemd counts starts, the first one included; Docker counts restarts.
                    values.put("maxRetries", Integer.toString(policy.maxRetries()));
                    values.put("startLimitBurst", Integer.toString(policy.maxRetries() + 1));
                }
            }
            case ALWAYS -> values.put("restart", "always");
            case UNLESS_STOPPED -> {
                values.put("restart", "always");
                values.put("unlessStopped", "yes");
            }
        }
        if (policy.kind() != RestartPolicy.Kind.NO) {
            values.put("restartSec", Integer.toString(RESTART_DELAY_SECONDS));
        }
    }
}
