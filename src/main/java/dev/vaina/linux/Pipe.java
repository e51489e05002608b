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
}
