package dev.vaina.spec;

import java.util.Locale;

/** --health-on-failure: what happens to a container once its health check finds it unhealthy. */
public enum HealthOnFailure {
    NONE, KILL, RESTART, STOP;

    public static HealthOnFailure parse(String text) {
        if (text == null) {
            return NONE;
        }
        for (HealthOnFailure action : values()) {
            if (action.text().equals(text)) {
                return action;
            }
        }
        throw new InvalidSpecException("invalid on-failure action \"" + text
                + "\" for health check: supported actions are none,kill,restart,stop");
    }

    /** The word Podman's option and inspect use. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
