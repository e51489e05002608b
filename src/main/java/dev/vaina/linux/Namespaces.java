package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.nio.file.Path;

/** Joining another process's namespaces from Java. */
public final class Namespaces {
    private Namespaces() {
    }

    /**
     * Moves the calling thread, and only it, into the network namespace at {@code file} (a {@code /proc/PID/ns/net}
     * or a file bound to one): the sockets it opens afterwards belong there, those opened before stay where they
     * were made. Needs CAP_SYS_ADMIN in the user namespace that owns that network namespace.
     */
    public static void enterNetwork(Path file) throws NativeCallException {
        int fd;
        try {
            fd = LibC.INSTANCE.open(file.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw NativeCallException.of("open(" + file + ")", e);
        }
        try {
            LibC.INSTANCE.setns(fd, LibC.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw NativeCallException.of("setns(" + file + ", CLONE_NEWNET)", e);
        } finally {
            InetSockets.closeQuietly(fd);
        }
    }
}
