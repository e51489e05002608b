package dev.vaina.linux;

/** sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET. */
public final class SdNotify {
    private SdNotify() {
    }

    /**
     * Sends {@code state} (e.g. "READY=1") to $NOTIFY_SOCKET; returns false, doing nothing, when the
     * variable is unset (not started by systemd with Type=notify).
     */
    public static boolean send(String state) throws NativeCallException {
        String socketPath = System.getenv("NOTIFY_SOCKET");
        if (socketPath == null || socketPath.isEmpty()) {
            return false;
        }
        try (UnixDatagramSocket socket = UnixDatagramSocket.open()) {
            socket.send(socketPath, state);
        }
        return true;
    }
}
