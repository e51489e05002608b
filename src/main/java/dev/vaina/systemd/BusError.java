package dev.vaina.systemd;

/**
 * A D-Bus call that failed: the error its peer replied with (name and message, as in
 * "org.freedesktop.systemd1.NoSuchUnit: Unit x.service not loaded."), or one this side stands for under the
 * names libdbus and sd-bus use for the same cases (no reply in time, connection gone, a message not
 * understood).
 */
final class BusError extends Exception {
    static final String NO_REPLY = "org.freedesktop.DBus.Error.NoReply";
    static final String DISCONNECTED = "org.freedesktop.DBus.Error.Disconnected";
    static final String INVALID_MESSAGE = "org.freedesktop.DBus.Error.InconsistentMessage";

    private final String name;

    BusError(String name, String message) {
        super(message);
        this.name = name;
    }

    BusError(String name, String message, Throwable cause) {
        super(message, cause);
        this.name = name;
    }

    static BusError protocol(String message) {
        return new BusError(INVALID_MESSAGE, message);
    }

    String name() {
        return name;
    }

    /** Whether this side stands for the error (no reply, connection gone, message not understood). */
    boolean isLocal() {
        return NO_REPLY.equals(name) || DISCONNECTED.equals(name) || INVALID_MESSAGE.equals(name);
    }
}
