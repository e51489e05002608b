package dev.vaina.linux;

/** sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET. */
public final class SdNotify {
    private SdNotify() {
    }

    /** Whether this process was started by systemd with a notify socket (Type=notify). */
    public static boolean available() {
        return socketPath() != null;
    }

    /** $NOTIFY_SOCKET, or null when it is unset or empty. */
    private static String socketPath() {
        String socketPath = System.getenv("NOTIFY_SOCKET");
        return socketPath == null || socketPath.isEmpty() ? null : socketPath;
    }

    /**
     * Sends {@code state} (e.g. "READY=1") to $NOTIFY_SOCKET; returns false, doing nothing, when the
     * variable is unset (not started by systemd with Type=notify).
     */
    public static boolean send(String state) throws NativeCallException {
        String socketPath = socketPath();
        if (socketPath == null) {
            return false;
        }
        try (UnixDatagramSocket socket = UnixDatagramSocket.open()) {
            socket.send(socketPath, state);
        }
        return true;
    }

    /**
     * sd_notify_barrier(3): returns once systemd has processed every message this process sent before, or
     * false after {@code timeoutMillis} (or without $NOTIFY_SOCKET). systemd closes the pipe's write end that
     * BARRIER=1 carries once it has read it; the notify socket is read in order.
     */
    public static boolean barrier(int timeoutMillis) throws NativeCallException {
        String socketPath = socketPath();
        if (socketPath == null) {
            return false;
        }
        Pipe pipe = Pipe.open();
        try {
            try (UnixDatagramSocket socket = UnixDatagramSocket.open()) {
                socket.sendWithDescriptor(socketPath, "BARRIER=1", pipe.writeFd());
            } finally {
                FileDescriptors.close(pipe.writeFd());
            }
            return Pipe.awaitHangUp(pipe.readFd(), timeoutMillis);
        } finally {
            FileDescriptors.close(pipe.readFd());
        }
    }
}
