package dev.vaina.systemd;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.StringTokenizer;

/** Which systemd instance supervises vaina's units: the caller's own user manager or the system manager. */
public enum ManagerScope {
    USER("user"), SYSTEM("system");

    public final String text;

    /** This process's effective uid once read; -1 before. */
    private static volatile long effectiveUid = -1;

    ManagerScope(String text) {
        this.text = text;
    }

    /**
     * The manager to use. An explicit choice ("user" or "system", from the global option or the config file)
     * wins; otherwise a non-root user gets its user manager, and root gets the system manager only when PID 1
     * is systemd: a root shell in a container or on a machine booted without systemd has no system manager to
     * talk to, but can run its own user manager.
     */
    public static ManagerScope choose(String explicit) {
        if (explicit != null) {
            return parse(explicit);
        }
        return choose(null, effectiveUid(), pidOneCommand());
    }

    /** The same decision with the facts passed in, so that it can be checked without being root. */
    static ManagerScope choose(String explicit, long effectiveUid, String pidOneCommand) {
        if (explicit != null) {
            return parse(explicit);
        }
        if (effectiveUid != 0) {
            return USER;
        }
        // Not /run/systemd/system: test setups create it to convince `systemd --user` to start.
        return "systemd".equals(pidOneCommand) ? SYSTEM : USER;
    }

    public static ManagerScope parse(String text) {
        for (ManagerScope scope : values()) {
            if (scope.text.equals(text)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("invalid systemd manager \"" + text + "\": must be user or system");
    }

    /**
     * The effective uid from /proc/self/status ("Uid: real effective saved fs"), without a native call; read once,
     * as both the choice of manager and the bus's authentication need it.
     */
    static long effectiveUid() {
        long uid = effectiveUid;
        if (uid < 0) {
            uid = readEffectiveUid();
            effectiveUid = uid;
        }
        return uid;
    }

    private static long readEffectiveUid() {
        try {
            String status;
            // A FileInputStream: a file channel (Files.readAllLines) costs twice as much to set up and use.
            try (FileInputStream in = new FileInputStream("/proc/self/status")) {
                status = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            for (String line : status.split("\n")) {
                if (line.startsWith("Uid:")) {
                    StringTokenizer ids = new StringTokenizer(line.substring(4), " \t");
                    ids.nextToken(); // the real uid
                    return Long.parseLong(ids.nextToken());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the effective uid from /proc/self/status: " + e, e);
        }
        throw new IllegalStateException("cannot read the effective uid: /proc/self/status has no Uid line");
    }

    static String pidOneCommand() {
        try {
            try (FileInputStream in = new FileInputStream("/proc/1/comm")) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
        } catch (IOException e) {
            // Unreadable (hidepid): we cannot tell, and a user manager is the safer guess.
            return "";
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
