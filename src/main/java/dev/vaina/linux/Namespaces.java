package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.nio.file.Path;

/** Joining another process's namespaces, and making a network namespace, from Java. */
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

    /**
     * Makes a new network namespace and binds it to {@code file} (an existing empty file), as {@code unshare
     * --net=FILE true} does, without a process: a thread of its own moves into the new namespace (unshare(2) moves
     * only the calling thread), binds its {@code /proc/thread-self/ns/net} there, and ends. Needs CAP_SYS_ADMIN.
     */
    public static void bindNewNetwork(Path file) throws NativeCallException, InterruptedException {
        NewNetwork making = new NewNetwork(file);
        Thread thread = new Thread(making, "new-netns");
        thread.start();
        thread.join();
        if (making.failure != null) {
            throw making.failure;
        }
    }

    /** The thread's work: it is left in the new namespace, and ends there. */
    private static final class NewNetwork implements Runnable {
        private final Path file;
        private NativeCallException failure;

        NewNetwork(Path file) {
            this.file = file;
        }

        @Override
        public void run() {
            try {
                LibC.INSTANCE.unshare(LibC.CLONE_NEWNET);
            } catch (LastErrorException e) {
                failure = NativeCallException.of("unshare(CLONE_NEWNET)", e);
                return;
            }
            try {
                Mounts.bind(Path.of("/proc/thread-self/ns/net"), file);
            } catch (NativeCallException e) {
                failure = e;
            }
        }
    }
}
