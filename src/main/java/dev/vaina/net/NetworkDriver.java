package dev.vaina.net;

import dev.vaina.spec.PortMapping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One network backend: connects a container's network namespace to the host and forwards its published
 * ports. {@link Netavark} (rootful bridge) runs in the launcher before the container exists;
 * {@link Pasta} and {@link Slirp4netns} (user-space helpers) run in the monitor between the runtime's
 * {@code create} and {@code start}, inside the container's unit, so systemd ends them with it.
 */
public interface NetworkDriver {
    /** Connects the network namespace at {@code netns}; every port has its host port chosen. */
    Connection connect(Path netns, List<PortMapping> ports) throws IOException;

    /** What {@link #connect} made; closing it disconnects and frees the ports. */
    interface Connection {
        /** Safe to call twice; never throws (it runs on the way out). */
        void close();

        /**
         * The monitor is about to exit, its container handed over to systemd: from now on the connection lives
         * without it, and ends with the container's unit. Nothing to do for a helper that runs on by itself.
         */
        default void outliveMonitor() throws IOException {
        }
    }

    /** A user-space helper by name, for the monitor: its files go to {@code stateDir}, an API socket to {@code socket}. */
    static NetworkDriver helper(String name, Path stateDir, Path socket) {
        return switch (name) {
            case Pasta.NAME -> new Pasta(stateDir);
            case Slirp4netns.NAME -> new Slirp4netns(socket);
            default -> throw new IllegalArgumentException("unknown network helper " + name
                    + ": use " + Pasta.NAME + " or " + Slirp4netns.NAME);
        };
    }
}
