package dev.vaina.cli.containers;

import dev.vaina.engine.Containers;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * --sig-proxy: the signals an attached client receives go to the container instead of ending the client, as
 * Podman's do, so that the client lives until the container exits and returns its code. SIGKILL, SIGSTOP
 * and SIGCHLD cannot be caught, SIGWINCH resizes the terminal (see {@link WindowChanges}), and SIGPIPE and
 * SIGURG are the client's own business (a closed output pipe must not kill the container).
 */
final class SignalProxy {
    private static final List<String> FORWARDED = List.of("HUP", "INT", "QUIT", "TERM", "USR1", "USR2", "ALRM", "CONT",
            "TSTP", "TTIN", "TTOU", "PWR", "SYS", "VTALRM", "XCPU", "XFSZ", "PROF", "TRAP", "IO");

    private SignalProxy() {
    }

    static void install(Containers containers, ContainerRecord record) {
        Forward forward = new Forward(containers, record);
        for (String name : FORWARDED) {
            try {
                Signal.handle(new Signal(name), forward);
            } catch (IllegalArgumentException e) {
                // a signal the JVM keeps for itself (QUIT for thread dumps without -Xrs) or this platform lacks
            }
        }
    }

    /** Sends the signal received to the container (a class, not a lambda: `run` links none). */
    private static final class Forward implements SignalHandler {
        private final Containers containers;
        private final ContainerRecord record;

        Forward(Containers containers, ContainerRecord record) {
            this.containers = containers;
            this.record = record;
        }

        @Override
        public void handle(Signal signal) {
            try {
                containers.kill(record, signal.getNumber());
            } catch (IOException | RuntimeException e) {
                // the container has exited meanwhile: there is nothing left to signal
            }
        }
    }
}
