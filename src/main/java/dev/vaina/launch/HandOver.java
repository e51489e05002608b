package dev.vaina.launch;

import dev.vaina.linux.OwnCgroup;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.ReferenceSyntax;
import dev.vaina.spec.Signals;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.OwnProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A container that needs no resident monitor (its output goes to the unit's own: --log-driver passthrough or
 * journald) is handed over to systemd once it runs: the monitor names the container's init as the unit's main
 * process and exits. The init, reparented to the manager (a child subreaper), is then reaped by systemd, which
 * records its exit and passes it to ExecStopPost's cleanup ($EXIT_CODE, $EXIT_STATUS).
 *
 * <p>This record, in the container's run directory, lets later commands tell such a container, whose monitor is
 * gone, from one whose monitor died: it runs while its init does (same PID, same start time), and its unit is busy
 * ending it while the manager that runs it lives and has not removed the unit's cgroup (systemd removes it once
 * the unit, ExecStopPost included, is over).
 *
 * @param containerStart, managerStart start times in milliseconds since the epoch, against reused PIDs
 * @param unitCgroup the unit's cgroup directory, in the hierarchy systemd tracks its processes with
 * @param invocationId systemd's id of this run of the unit ($INVOCATION_ID), or null: what names the mark that ends
 *                     its ExecStopPost at once (see {@link Cleanup#leaveStopPostMark})
 */
public record HandOver(long containerPid, long containerStart, long managerPid, long managerStart, Path unitCgroup,
        String invocationId) {

    /**
     * What the monitor, the unit's main process until now, records about itself and {@code containerPid}.
     *
     * @param invocationId the monitor's $INVOCATION_ID, or null
     */
    public static HandOver of(long containerPid, String invocationId) throws IOException {
        long manager = OwnProcess.parentPid();
        if (manager <= 0) {
            throw new IOException("the monitor has no parent to hand its container over to");
        }
        return new HandOver(containerPid, OwnProcess.startMillis(containerPid), manager, OwnProcess.startMillis(manager),
                OwnCgroup.path(), isInvocationId(invocationId) ? invocationId : null);
    }

    /** The first line as it always was; the invocation id, when known, on a second. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, containerPid + " " + containerStart + " " + managerPid + " " + managerStart + " "
                + unitCgroup + "\n" + (invocationId != null ? invocationId + "\n" : ""));
    }

    /** systemd's form of one: 128 bits in 32 lowercase hexadecimal digits. */
    private static boolean isInvocationId(String text) {
        return text != null && ReferenceSyntax.isLowerHex(text, 32);
    }

    /** The record of the container's current run, if its monitor handed it over. */
    public static Optional<HandOver> read(ContainerPaths paths) throws IOException {
        String text;
        try {
            text = Files.readString(paths.handOverFile()).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int newline = text.indexOf('\n');
        String invocationId = newline < 0 ? null : text.substring(newline + 1).strip();
        String[] fields = (newline < 0 ? text : text.substring(0, newline)).split(" ", 5);
        try {
            return Optional.of(new HandOver(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]), Long.parseLong(fields[3]), Path.of(fields[4]),
                    isInvocationId(invocationId) ? invocationId : null));
        } catch (RuntimeException e) {
            // Cut short by a crash mid-write, which AtomicFiles prevents; read as a monitor that died.
            return Optional.empty();
        }
    }

    /** The container's init still runs, or has ended and is yet to be reaped by the manager (a zombie). */
    public boolean containerRuns() {
        return OwnProcess.startMillis(containerPid) == containerStart;
    }

    /** The container's init has ended: gone, or a zombie that the manager has yet to reap. */
    public boolean containerEnded() {
        return !OwnProcess.running(containerPid, containerStart);
    }

    /** The container runs, or its unit is still ending it: the exit is then recorded by the unit's cleanup. */
    public boolean unitBusy() {
        return containerRuns() || OwnProcess.startMillis(managerPid) == managerStart && Files.isDirectory(unitCgroup);
    }

    /**
     * ExecStopPost: writes the exit systemd saw ($EXIT_CODE "exited" with $EXIT_STATUS the code, or "killed" and
     * "dumped" with the signal's name) where the cleanup looks for it, as the monitor would have. Nothing when the
     * container was not handed over, or the exit is recorded already.
     */
    static void recordExit(ContainerPaths paths, Map<String, String> env) throws IOException {
        String how = env.get("EXIT_CODE");
        String status = env.get("EXIT_STATUS");
        if (how == null || status == null || Files.exists(paths.exitFile()) || read(paths).isEmpty()) {
            return;
        }
        int code;
        try {
            code = how.equals("exited") ? Integer.parseInt(status) : 128 + Signals.parse(status);
        } catch (NumberFormatException | InvalidSpecException e) {
            return; // Left to the cleanup, which records a kill.
        }
        AtomicFiles.write(paths.exitFile(), Integer.toString(code));
    }
}
