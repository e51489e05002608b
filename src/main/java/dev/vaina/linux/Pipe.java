package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.io.File;

/**
 * A pipe made with pipe2(O_CLOEXEC). Either end can be handed to a child started by ProcessBuilder as
 * {@link #readEndFile()} / {@link #writeEndFile()}: opening /proc/self/fd/N of a pipe opens the same pipe.
 * This keeps the container's stdio out of java.lang.Process, whose pipe streams are drained and closed
 * as soon as the direct child (the runtime's {@code create}) exits, while the container keeps writing.
 */
public record Pipe(int readFd, int writeFd) {
    public static Pipe open() throws NativeCallException {
        int[] fds = new int[2];
        try {
            LibC.INSTANCE.pipe2(fds, LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw NativeCallException.of("pipe2(O_CLOEXEC)", e);
        }
        return new Pipe(fds[0], fds[1]);
    }

    public File readEndFile() {
        return new File("/proc/self/fd/" + readFd);
    }

    public File writeEndFile() {
        return new File("/proc/self/fd/" + writeFd);
    }

    /** Waits until every write end of the pipe whose read end is {@code readFd} is closed; false on timeout. */
    static boolean awaitHangUp(int readFd, int timeoutMillis) throws NativeCallException {
        return (poll(readFd, LibC.POLLHUP, timeoutMillis) & LibC.POLLHUP) != 0;
    }

    /**
     * poll(2) of one descriptor for {@code events}, for up to {@code timeoutMillis} in all (an interrupted wait goes on
     * for what is left); returns the events that came (POLLHUP and POLLERR among them, asked or not), or 0 on timeout.
     */
    static short poll(int fd, short events, int timeoutMillis) throws NativeCallException {
        try (com.sun.jna.Memory pollfd = new com.sun.jna.Memory(8)) {
            pollfd.setInt(0, fd);
            pollfd.setShort(4, events);
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (true) {
                pollfd.setShort(6, (short) 0);
                int left = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
                try {
                    if (LibC.INSTANCE.poll(pollfd, 1, left) == 0) {
                        return 0;
                    }
                    return pollfd.getShort(6);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != LibC.EINTR) {
                        throw NativeCallException.of("poll(fd " + fd + ")", e);
                    }
                }
            }
        }
    }
}
