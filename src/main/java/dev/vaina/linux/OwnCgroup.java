package dev.vaina.linux;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * This process's cgroup, and a write that makes the next move of a process between cgroups cheaper.
 *
 * <p>A move (a PID written to a cgroup.procs file, in any hierarchy) takes the kernel's lock that keeps thread
 * groups still while they change cgroups, and taking it for writing waits for an RCU grace period unless a move took
 * it within about the last grace period: 6 to 22 ms here, a few scheduler ticks. A container's start pays for two
 * such moves, one after the other on its way: systemd's child for the unit's process joins the unit's cgroup before
 * its exec, and the runtime's create places the container's init in a cgroup of its own. {@link #rejoinAhead}
 * writes this process into the cgroup it is in already (nothing moves; the lock is taken all the same) on a thread
 * of its own, shortly before one of those moves is asked for: the move then waits only for what is left of the
 * grace period that write began, or, coming within about a grace period after it, not at all (so the earlier the
 * better, up to about a grace period ahead). Not for a process about to exit: its exit would wait for the write.
 * A container's stop pays for a third move: systemd's child for the unit's ExecStopPost joins the unit's cgroup as
 * soon as the monitor has exited. {@link #stayJoined} writes from the monitor's last steps on (its cleanup) and keeps
 * writing until it exits, so that the first write's wait is over before the exit and the last is recent at the move.
 */
public final class OwnCgroup {
    /** What names the writing process in cgroup.procs. */
    private static final byte[] ZERO = "0".getBytes(StandardCharsets.US_ASCII);

    private OwnCgroup() {
    }

    /**
     * This process's cgroup in the hierarchy systemd tracks units with: the unified one where it is mounted at
     * /sys/fs/cgroup, else the named "systemd" one (cgroup v1 and hybrid set-ups).
     */
    public static Path path() throws IOException {
        boolean unified = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        String table;
        // A FileInputStream: a file channel (Files.readAllLines) costs twice as much to set up and use.
        try (FileInputStream in = new FileInputStream("/proc/self/cgroup")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : table.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && (unified ? fields[0].equals("0") : fields[1].equals("name=systemd"))) {
                return Path.of(unified ? "/sys/fs/cgroup" : "/sys/fs/cgroup/systemd", fields[2]);
            }
        }
        throw new IOException("cannot find this process's systemd cgroup in /proc/self/cgroup");
    }

    /**
     * Writes this process into its own cgroup on a daemon thread, and returns at once. Where this process may not
     * write there (a user's command in a session's cgroup), nothing happens, and the move that follows waits as before.
     */
    public static void rejoinAhead() {
        Daemons.start(new Rejoin(), "cgroup-rejoin");
    }

    /**
     * Writes this process into its own cgroup now and every {@code intervalMillis} after, on a daemon thread, until
     * the process exits: for a process whose exit is followed by a move (systemd's child for a unit's
     * ExecStopPost), begun early enough that the first write's wait is over before the exit, and kept up so that the
     * last write is within a grace period of the move however long the process takes to exit. A write within that
     * period of the one before takes 0.1-0.2 ms. Ends when the thread it returns is interrupted, or when a write
     * fails (where this process may not write there).
     */
    public static Thread stayJoined(long intervalMillis) {
        return Daemons.start(new StayJoined(intervalMillis), "cgroup-stay-joined");
    }

    /** Writes this process into its own cgroup, and says whether it could. */
    static boolean rejoin() {
        try {
            return rejoin(procs());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The cgroup.procs file of this process's cgroup. */
    private static Path procs() throws IOException {
        return path().resolve("cgroup.procs");
    }

    /** Writes this process into {@code procs}, its own cgroup's, and says whether it could. */
    private static boolean rejoin(Path procs) {
        try {
            Files.write(procs, ZERO, StandardOpenOption.WRITE);
            return true;
        } catch (IOException | RuntimeException e) {
            // Only a wait saved: the move that follows takes the lock itself.
            return false;
        }
    }

    private static final class StayJoined implements Runnable {
        private final long intervalMillis;

        StayJoined(long intervalMillis) {
            this.intervalMillis = intervalMillis;
        }

        @Override
        public void run() {
            try {
                // Looked up once: the process stays in its cgroup (the writes move nothing).
                Path procs = procs();
                while (rejoin(procs)) {
                    Thread.sleep(intervalMillis);
                }
            } catch (IOException | RuntimeException e) {
                // no cgroup of its own to write: nothing to save
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A class, not a lambda: a JVM's first lambda sets the method-handle machinery up. */
    private static final class Rejoin implements Runnable {
        @Override
        public void run() {
            rejoin();
        }
    }
}
