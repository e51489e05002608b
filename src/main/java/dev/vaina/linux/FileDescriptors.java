package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** read(2), write(2), close(2) and isatty(3) on raw descriptors the JDK does not wrap (a pty master), and which are open. */
public final class FileDescriptors {
    private FileDescriptors() {
    }

    /** Reads up to {@code buffer.length} bytes; returns -1 at end of file, or on EIO from a pty whose other side is gone. */
    public static int read(int fd, byte[] buffer) throws NativeCallException {
        while (true) {
            try {
                long n = LibC.INSTANCE.read(fd, buffer, buffer.length);
                return n == 0 ? -1 : (int) n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == LibC.EIO) {
                    return -1;
                }
                throw NativeCallException.of("read(fd " + fd + ")", e);
            }
        }
    }

    /** Writes all of {@code data[offset, offset+length)}. */
    public static void write(int fd, byte[] data, int offset, int length) throws NativeCallException {
        byte[] chunk = offset == 0 && length == data.length ? data : java.util.Arrays.copyOfRange(data, offset, offset + length);
        int done = 0;
        while (done < chunk.length) {
            byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, chunk.length);
            try {
                done += (int) LibC.INSTANCE.write(fd, rest, rest.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw NativeCallException.of("write(fd " + fd + ")", e);
                }
            }
        }
    }

    /** Marks {@code fd} close-on-exec: a descriptor inherited at its number, kept, but by no child. */
    public static void closeOnExec(int fd) throws NativeCallException {
        try {
            LibC.INSTANCE.fcntl(fd, LibC.F_SETFD, LibC.FD_CLOEXEC);
        } catch (LastErrorException e) {
            throw NativeCallException.of("fcntl(fd " + fd + ", F_SETFD)", e);
        }
    }

    /** Closes {@code fd}, if it is one (not negative), saying nothing of a failure: nothing is read or written to it again. */
    public static void closeQuietly(int fd) {
        if (fd < 0) {
            return;
        }
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException ignored) {
            // Closed already (or by the peer's failure): the number is given up either way.
        }
    }

    public static void close(int fd) throws NativeCallException {
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException e) {
            throw NativeCallException.of("close(fd " + fd + ")", e);
        }
    }

    /** The descriptors this process has open, as /proc/self/fd lists them (the listing's own included). */
    public static List<Integer> openOnes() throws NativeCallException {
        String[] names = new File("/proc/self/fd").list();
        if (names == null) {
            throw new NativeCallException("cannot list /proc/self/fd");
        }
        List<Integer> fds = new ArrayList<>(names.length);
        for (String name : names) {
            fds.add(Integer.parseInt(name));
        }
        return fds;
    }

    public static boolean isTerminal(int fd) {
        return LibC.INSTANCE.isatty(fd) == 1;
    }
}
