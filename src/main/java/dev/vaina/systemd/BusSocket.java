package dev.vaina.systemd;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The connected AF_UNIX stream socket a D-Bus connection runs over. {@link ChannelBusSocket} is the JDK's; a caller
 * that has a cheaper one passes its {@link Opener} to {@link Systemd#connect(ManagerScope, Opener)}.
 */
public interface BusSocket {
    /** Reads up to {@code length} bytes into {@code buffer} from {@code offset}; -1 at the end of the stream. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Writes all of {@code bytes}. */
    void write(byte[] bytes) throws IOException;

    /** Called once on the reading thread, before its first read. */
    default void beforeReading() {
    }

    /** Ends the stream both ways: a read blocked on another thread returns the end of the stream. */
    void shutdown();

    /** Releases the socket, once nothing reads from it any more. */
    void close();

    /** Connects to the socket at a path. */
    interface Opener {
        BusSocket open(Path socket) throws IOException;
    }
}
