package dev.vaina.monitor;

import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.Signalling;
import dev.vaina.spec.Signals;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM/SIGINT to the monitor (systemd stops a unit by signalling its MainPID) into the
 * container's stop signal, and SIGKILL once the stop timeout has passed. A signal that arrives before the
 * container has started is remembered and delivered as soon as it has.
 */
final class Stopper implements SignalHandler {
    private static final int SIGINT = 2;
    private final int stopSignal;
    private final int timeoutSeconds;
    private int containerPid;
    private boolean requested;
    private boolean exited;
    private boolean escalating;

    Stopper(int stopSignal, int timeoutSeconds) {
        this.stopSignal = stopSignal;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Handles SIGTERM and SIGINT, and the container's own stop signal: a unit stops with it (its KillSignal=) when its
     * container is handed over to systemd once it runs, which then reaches this monitor while it runs, or for good if
     * it stays. A definition file's unit may ask for it too (LogDriver=passthrough with StopSignal=).
     *
     * @param fromUnit whether this unit is known to stop with the stop signal: a signal the JVM keeps for itself
     *        (SIGQUIT) is then worth a warning
     */
    void install(boolean fromUnit) {
        Signal.handle(new Signal("TERM"), this);
        String name = stopSignal != Signalling.SIGTERM && stopSignal != SIGINT ? Signals.name(stopSignal) : "";
        if (name.startsWith("SIG")) {
            try {
                Signal.handle(new Signal(name.substring("SIG".length())), this);
            } catch (IllegalArgumentException e) {
                // systemd's SIGKILL ends the container after the unit's stop timeout.
                if (fromUnit) {
                    System.err.println("vaina monitor: not handling the stop signal: " + e.getMessage());
                }
            }
        }
        try {
            Signal.handle(new Signal("INT"), this);
        } catch (IllegalArgumentException e) {
            // The JVM refuses SIGINT when it started with SIGINT ignored (a background job of a shell);
            // SIGTERM, which systemd sends, still works.
            System.err.println("vaina monitor: not handling SIGINT: " + e.getMessage());
        }
    }

    @Override
    public synchronized void handle(Signal signal) {
        requested = true;
        if (containerPid > 0) {
            stop();
        }
    }

    synchronized void containerStarted(int pid) {
        containerPid = pid;
        if (requested) {
            stop();
        }
    }

    /** --timeout: once the container has run this long it is killed, as conmon's --timeout does. */
    void limitRunTime(int seconds) {
        Threads.start("run-timeout", () -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (!exited) {
                    System.err.println("vaina monitor: container ran for its timeout of " + seconds + " s, sending SIGKILL");
                    send(Signalling.SIGKILL);
                }
            }
        });
    }

    /** Called once the container's pid is reaped: from then on the pid may belong to someone else. */
    synchronized void containerExited() {
        exited = true;
    }

    private void stop() {
        if (exited) {
            return;
        }
        send(stopSignal);
        if (!escalating) {
            escalating = true;
            Threads.start("stop-timeout", new Escalation());
        }
    }

    private synchronized void killAfterTimeout() {
        if (!exited) {
            System.err.println("vaina monitor: container did not stop within " + timeoutSeconds
                    + " s after signal " + stopSignal + ", sending SIGKILL");
            send(Signalling.SIGKILL);
        }
    }

    private void send(int signal) {
        try {
            Signalling.kill(containerPid, signal);
        } catch (NativeCallException e) {
            System.err.println("vaina monitor: " + e.getMessage());
        }
    }

    private final class Escalation implements Runnable {
        @Override
        public void run() {
            try {
                Thread.sleep(timeoutSeconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            killAfterTimeout();
        }
    }
}
