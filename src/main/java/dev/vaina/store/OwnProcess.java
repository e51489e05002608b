package dev.vaina.store;

import dev.vaina.spec.Ascii;
import dev.vaina.spec.FileBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's id and the start times of processes, read off /proc. ProcessHandle answers the same, but its
 * first use sets the JDK's process reaper up (a thread factory, a lambda, and with it the JVM's lambda machinery)
 * and reads /proc/stat; a command that only names a temporary file after itself should pay for neither.
 */
public final class OwnProcess {
    /** This process's id. */
    public static final long PID = pid();
    /** The clock ticks per second of /proc's times: USER_HZ, 100 on every architecture Linux runs this JDK on. */
    private static final long TICKS_PER_SECOND = 100;

    private OwnProcess() {
    }

    private static long pid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | NumberFormatException e) {
            return ProcessHandle.current().pid();
        }
    }

    /**
     * When the process {@code pid} started, in milliseconds since the epoch as ProcessHandle.Info gives it (boot
     * time plus the process's start in clock ticks), or -1 when there is no such process.
     */
    public static long startMillis(long pid) {
        return startMillis(stat(pid));
    }

    private static long startMillis(String stat) {
        long ticks = statField(stat, 22);
        if (ticks < 0) {
            return -1;
        }
        long bootSeconds = BootTime.SECONDS;
        return bootSeconds < 0 ? -1 : bootSeconds * 1000 + ticks * 1000 / TICKS_PER_SECOND;
    }

    /**
     * Whether {@code pid} started at {@code startMillis} (see {@link #startMillis}) and has not ended: false once it
     * is gone, and already while it is a zombie that its parent has yet to reap.
     */
    public static boolean running(long pid, long startMillis) {
        String stat = stat(pid);
        if (stat == null) {
            return false;
        }
        int name = stat.lastIndexOf(')');
        // The state, field 3, is one letter after the name; Z a zombie, X dead.
        char state = name > 0 && name + 2 < stat.length() ? stat.charAt(name + 2) : 'X';
        return state != 'Z' && state != 'X' && startMillis(stat) == startMillis;
    }

    /**
     * Whether a process of that PID exists, a zombie too, as ProcessHandle.isAlive sees it; read off /proc, since
     * ProcessHandle's first use sets its process reaper's executor up with a lambda, and with it a JVM's lambda
     * machinery (some 5 ms of a `ps` among running containers, of a pod member's launcher).
     */
    public static boolean exists(long pid) {
        return pid > 0 && Files.exists(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The id of this process's parent, or -1 when it cannot be read. */
    public static long parentPid() {
        return statField(stat(PID), 4);
    }

    /**
     * A numeric field of /proc/PID/stat (numbered from 1 as proc(5) does, 3 or above), found after the command's
     * name, which may hold spaces and parentheses; -1 when there is no such process ({@code stat} null).
     */
    private static long statField(String stat, int wanted) {
        if (stat == null) {
            return -1;
        }
        int field = 2; // the name, which ends at the last ')'
        int at = stat.lastIndexOf(')') + 1;
        while (at > 0 && at < stat.length()) {
            while (at < stat.length() && stat.charAt(at) == ' ') {
                at++;
            }
            int end = stat.indexOf(' ', at);
            if (end < 0) {
                end = stat.length();
            }
            field++;
            if (field == wanted) {
                try {
                    return Long.parseLong(stat.substring(at, end).strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            at = end;
        }
        return -1;
    }

    /** /proc/PID/stat, or null when there is no such process. */
    private static String stat(long pid) {
        try {
            // Byte for byte: the command's name may be in any encoding, and only what follows it is read.
            return FileBytes.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * This process's real user id, read off /proc/self/status ("Uid: real effective saved fs"), once: the JDK's
     * {@code UnixSystem} loads a native library for it (libjaas), about half a millisecond of every command.
     */
    public static long realUid() {
        return RealUid.VALUE;
    }

    private static final class RealUid {
        static final long VALUE = read();

        private static long read() {
            String status;
            try {
                status = FileBytes.readString(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read this process's user id: " + e.getMessage(), e);
            }
            int at = status.indexOf("\nUid:");
            if (at < 0) {
                throw new IllegalStateException("cannot read this process's user id: /proc/self/status has no Uid"
                        + " line");
            }
            int end = status.indexOf('\n', at + 1);
            // "Uid:", then the real, effective, saved and file system ids.
            return Long.parseLong(Ascii.fields(status.substring(at + 1, end < 0 ? status.length() : end))[1]);
        }
    }

    /** The boot time from /proc/stat's btime line, in seconds since the epoch, or -1 when it cannot be read. */
    public static long bootSeconds() {
        return BootTime.SECONDS;
    }

    /** The boot time from /proc/stat's btime line, in seconds since the epoch; read once, when first needed. */
    private static final class BootTime {
        static final long SECONDS = read();

        private static long read() {
            try {
                for (String line : FileBytes.lines(Path.of("/proc/stat"))) {
                    if (line.startsWith("btime ")) {
                        return Long.parseLong(line.substring(6).strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no /proc/stat: start times are unknown
            }
            return -1;
        }
    }
}
