package dev.vaina.unit;

import java.util.List;
import java.util.Objects;

import dev.vaina.spec.Ascii;
import dev.vaina.spec.ContainerName;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.RestartPolicy;

/**
 * What a container's systemd service is made from. execStart is the launcher's command line (it becomes the
 * monitor, the unit's main process); execStopPost the cleanup's, empty for none. description is null for the
 * default "vaina container NAME (IMAGE)". removedOnExit says the cleanup deletes the container (detached --rm),
 * so nothing of it, not even a failed unit, may stay behind. unitName is the service's name: container-NAME.service,
 * or pod-NAME.service for a pod's infra container. bindsTo names the units this container cannot run without
 * (its pod's unit, or the container whose network namespace it shares): started before it, and stopping one
 * stops it. stopWhenUnneeded stops the unit once no member bound to it runs (a pod's
 * --exit-policy stop). limits are the container's resource limits, set on the unit; slice is the slice the unit
 * runs in (its pod's, for limits that hold for the whole pod), null for the manager's default. wants names the
 * units that start with it (its health checks' timers), space-separated, or is null. notifyAccess is systemd's
 * NotifyAccess=: "main" when the monitor sends READY=1, "all" when the workload does. startsBefore names a
 * unit that it wants and that starts once it runs (aardvark-dns's, which needs the entry the start makes), or is
 * null. killSignal is the signal systemd stops the unit with: null for SIGTERM, which the monitor turns into the
 * container's stop signal; the container's own stop signal, such as "SIGQUIT", for a container whose monitor hands
 * it over to systemd once it runs (then the unit's main process).
 */
public record ContainerUnitModel(String containerId, ContainerName name, String image, List<String> execStart,
        List<String> execStopPost, int stopTimeoutSeconds, RestartPolicy restartPolicy, String description,
        boolean removedOnExit, String unitName, List<String> bindsTo, boolean stopWhenUnneeded, ResourceLimits limits,
        String slice, String wants, String notifyAccess, String startsBefore, String killSignal) {

    /** A container without resource limits in the manager's default slice, reported ready by the monitor. */
    public ContainerUnitModel(String containerId, ContainerName name, String image, List<String> execStart,
            List<String> execStopPost, int stopTimeoutSeconds, RestartPolicy restartPolicy, String description,
            boolean removedOnExit, String unitName, List<String> bindsTo, boolean stopWhenUnneeded) {
        this(containerId, name, image, execStart, execStopPost, stopTimeoutSeconds, restartPolicy, description,
                removedOnExit, unitName, bindsTo, stopWhenUnneeded, ResourceLimits.NONE, null, null, "main", null, null);
    }

    /** A container of its own: container-NAME.service. */
    public ContainerUnitModel(String containerId, ContainerName name, String image, List<String> execStart,
            List<String> execStopPost, int stopTimeoutSeconds, RestartPolicy restartPolicy, String description,
            boolean removedOnExit) {
        this(containerId, name, image, execStart, execStopPost, stopTimeoutSeconds, restartPolicy, description,
                removedOnExit, "container-" + name + ".service", List.of(), false);
    }

    public ContainerUnitModel {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        if (containerId.isEmpty() || !Ascii.lettersDigitsOr(containerId, 0, containerId.length(), "")) {
            throw new IllegalArgumentException("invalid container id \"" + containerId + "\"");
        }
        if (image.isEmpty() || image.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("invalid image name \"" + image + "\" for container " + name);
        }
        execStart = List.copyOf(execStart);
        execStopPost = List.copyOf(execStopPost);
        bindsTo = bindsTo == null ? List.of() : List.copyOf(bindsTo);
        for (String unit : bindsTo) {
            if (!isUnitName(unit, "@", ".service")) {
                throw new IllegalArgumentException("invalid unit name \"" + unit + "\" for container " + name);
            }
        }
        if (execStart.isEmpty()) {
            throw new IllegalArgumentException("container " + name + " has no launcher command line");
        }
        if (stopTimeoutSeconds < 0) {
            throw new IllegalArgumentException("stop timeout of container " + name + " must not be negative,"
                    + " got " + stopTimeoutSeconds);
        }
        Objects.requireNonNull(unitName, "unitName");
        if (!isUnitName(unitName, "", ".service")) {
            throw new IllegalArgumentException("invalid unit name \"" + unitName + "\" for container " + name);
        }
        limits = limits == null ? ResourceLimits.NONE : limits;
        if (slice != null && !isUnitName(slice, "", ".slice")) {
            throw new IllegalArgumentException("invalid slice name \"" + slice + "\" for container " + name);
        }
        if (startsBefore != null && !isUnitName(startsBefore, "", ".service")) {
            throw new IllegalArgumentException("invalid unit name \"" + startsBefore + "\" for container " + name);
        }
        if (wants != null && !isUnitList(wants)) {
            throw new IllegalArgumentException("invalid unit name \"" + wants + "\" for container " + name);
        }
        if (!"main".equals(notifyAccess) && !"all".equals(notifyAccess)) {
            throw new IllegalArgumentException("invalid NotifyAccess " + notifyAccess + " for container " + name);
        }
        if (killSignal != null && !isSignalName(killSignal)) {
            throw new IllegalArgumentException("invalid KillSignal " + killSignal + " for container " + name);
        }
        if (description == null) {
            description = "vaina container " + name + " (" + image + ")";
        }
    }

    // The checks below are written by hand: a regular expression costs a create its compilation.

    /** NAME + one of the suffixes, NAME made of [a-zA-Z0-9:_.-] and the extra characters given. */
    static boolean isUnitName(String text, String extra, String... suffixes) {
        for (String suffix : suffixes) {
            if (text.length() > suffix.length() && text.endsWith(suffix)
                    && Ascii.lettersDigitsOr(text, 0, text.length() - suffix.length(), ":_.-" + extra)) {
                return true;
            }
        }
        return false;
    }

    /** Timer and service names separated by single spaces. */
    static boolean isUnitList(String text) {
        int start = 0;
        while (true) {
            int space = text.indexOf(' ', start);
            String unit = text.substring(start, space < 0 ? text.length() : space);
            if (!isUnitName(unit, "", ".timer", ".service")) {
                return false;
            }
            if (space < 0) {
                return true;
            }
            start = space + 1;
        }
    }

    /** SIG followed by upper-case letters, digits and + (SIGRTMIN+3). */
    static boolean isSignalName(String text) {
        if (text.length() <= 3 || !text.startsWith("SIG")) {
            return false;
        }
        for (int i = 3; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Ascii.isUpper(c) || Ascii.isDigit(c) || c == '+')) {
                return false;
            }
        }
        return true;
    }
}
