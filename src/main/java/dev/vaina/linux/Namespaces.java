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
        join(file, LibC.CLONE_NEWNET, "CLONE_NEWNET");
    }

    /** setns(2) of the calling thread into the namespace at {@code file}, of type {@code type} (named {@code typeName}). */
    private static void join(Path file, int type, String typeName) throws NativeCallException {
        int fd;
        try {
            fd = LibC.INSTANCE.open(file.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw NativeCallException.of("open(" + file + ")", e);
        }
        try {
            LibC.INSTANCE.setns(fd, type);
        } catch (LastErrorException e) {
            throw NativeCallException.of("setns(" + file + ", " + typeName + ")", e);
        } finally {
            FileDescriptors.closeQuietly(fd);
        }
    }

    /**
     * Makes a new network namespace and binds it to {@code file} (an existing empty file), as {@code unshare
     * --net=FILE true} does, without a process: a thread of its own moves into the new namespace (unshare(2) moves
     * only the calling thread), binds its {@code /proc/thread-self/ns/net} there, and ends. Needs CAP_SYS_ADMIN.
     */
    public static void bindNewNetwork(Path file) throws NativeCallException, InterruptedException {
        OwnThread.run(new NewNetwork(file), "new-netns");
    }

    /**
     * Unmounts {@code target} (lazily) in the mount namespace at {@code mountNamespace} (a /proc/PID/ns/mnt file),
     * as {@code nsenter --mount=NS umount --lazy TARGET} does, without a process: a thread of its own stops sharing
     * the process's file-system context (unshare(2) of CLONE_FS, which setns(2) of a mount namespace requires),
     * joins the namespace, unmounts, and ends there. A target that is not a mount point there (umount2(2)'s EINVAL)
     * is no failure. Needs CAP_SYS_ADMIN and CAP_SYS_CHROOT.
     */
    public static void unmountIn(Path mountNamespace, Path target) throws NativeCallException, InterruptedException {
        OwnThread.run(new UnmountIn(mountNamespace, target), "unmount-in-ns");
    }

    /**
     * Work for a thread that changes its own namespaces, so that no other thread of the JVM, nor this one once it
     * has ended, is moved. A class, not a lambda: a JVM's first lambda sets the method-handle machinery up.
     */
    private abstract static class OwnThread implements Runnable {
        private NativeCallException failure;

        static void run(OwnThread work, String name) throws NativeCallException, InterruptedException {
            Thread thread = new Thread(work, name);
            thread.start();
            thread.join();
            if (work.failure != null) {
                throw work.failure;
            }
        }

        abstract void work() throws NativeCallException;

        @Override
        public final void run() {
            try {
                work();
            } catch (NativeCallException e) {
                failure = e;
            }
        }
    }

    /** Left in the new network namespace, the thread ends there. */
    private static final class NewNetwork extends OwnThread {
        private final Path file;

        NewNetwork(Path file) {
            this.file = file;
        }

        @Override
        void work() throws NativeCallException {
            try {
                LibC.INSTANCE.unshare(LibC.CLONE_NEWNET);
            } catch (LastErrorException e) {
                throw NativeCallException.of("unshare(CLONE_NEWNET)", e);
            }
            Mounts.bind(Path.of("/proc/thread-self/ns/net"), file);
        }
    }

    /** Left in the other mount namespace, the thread ends there. */
    private static final class UnmountIn extends OwnThread {
        private final Path mountNamespace;
        private final Path target;

        UnmountIn(Path mountNamespace, Path target) {
            this.mountNamespace = mountNamespace;
            this.target = target;
        }

        @Override
        void work() throws NativeCallException {
            try {
                LibC.INSTANCE.unshare(LibC.CLONE_FS);
            } catch (LastErrorException e) {
                throw NativeCallException.of("unshare(CLONE_FS)", e);
            }
            join(mountNamespace, LibC.CLONE_NEWNS, "CLONE_NEWNS");
            try {
                LibC.INSTANCE.umount2(target.toString(), Mounts.MNT_DETACH);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINVAL) {
                    throw NativeCallException.of("umount2(" + target + ", MNT_DETACH)", e);
                }
            }
        }
    }
}
