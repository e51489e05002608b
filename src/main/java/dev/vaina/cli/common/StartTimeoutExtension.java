package dev.vaina.cli.common;

import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.SdNotify;
import java.util.Map;

/**
 * While a pull runs inside a unit's start (vaina run or pull as a unit's ExecStart=, as definition files
 * make them), tells systemd again and again that the start needs more time (EXTEND_TIMEOUT_USEC), so that a
 * slow first pull of a large image does not hit the unit's start timeout. Outside systemd (no
 * $NOTIFY_SOCKET) it does nothing. systemd takes the message from the unit's main process; from an ExecStartPre=
 * pull, with NotifyAccess=exec (as definition files' units have it) or all. The message goes from this process
 * itself, never from a helper, which NotifyAccess=exec would not count.
 */
final class StartTimeoutExtension implements AutoCloseable {
    /** Each message allows this much more; sent three times as often, so one late message is harmless. */
    private static final long EXTENSION_MICROS = 60_000_000L;
    private static final long PERIOD_MILLIS = EXTENSION_MICROS / 1000 / 3;

    private final Thread thread;

    private StartTimeoutExtension(Thread thread) {
        this.thread = thread;
    }

    static StartTimeoutExtension whilePulling(Map<String, String> env) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return new StartTimeoutExtension(null);
        }
        Thread thread = new Thread(StartTimeoutExtension::extendUntilInterrupted, "vaina-extend-start-timeout");
        thread.setDaemon(true);
        thread.start();
        return new StartTimeoutExtension(thread);
    }

    private static void extendUntilInterrupted() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                SdNotify.send("EXTEND_TIMEOUT_USEC=" + EXTENSION_MICROS);
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NativeCallException e) {
            // systemd is not listening after all: the pull goes on with the unit's own timeout.
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
