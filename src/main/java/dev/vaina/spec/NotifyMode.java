package dev.vaina.spec;

import java.util.Locale;

/**
 * --sdnotify: who tells systemd that the container's unit has started. CONMON (the default; Quadlet's
 * Notify=false): the monitor, once the container runs. CONTAINER (Notify=true): the workload itself, through
 * the notify socket passed into the container. HEALTHY (Notify=healthy): the monitor, once the first health
 * check has passed. IGNORE: as CONMON, and the notify socket is kept out of the container.
 */
public enum NotifyMode {
    CONMON, CONTAINER, HEALTHY, IGNORE;

    public static NotifyMode parse(String text) {
        if (text == null) {
            return CONMON;
        }
        for (NotifyMode mode : values()) {
            if (mode.text().equals(text)) {
                return mode;
            }
        }
        throw new InvalidSpecException("invalid argument: invalid sdnotify value \"" + text
                + "\": must be container, conmon, healthy or ignore");
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
