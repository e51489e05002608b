package dev.vaina.linux;

import com.sun.jna.LastErrorException;

/** Terminal modes and window sizes: termios(3) and ioctl_tty(2). */
public final class Terminal {
    private Terminal() {
    }

    /** The saved mode of a terminal; {@link #close()} puts it back. */
    public static final class SavedMode implements AutoCloseable {
        private final int fd;
        private final byte[] termios;

        private SavedMode(int fd, byte[] termios) {
            this.fd = fd;
            this.termios = termios;
        }

        @Override
        public void close() throws NativeCallException {
            setAttributes(fd, termios);
        }
    }

    public static boolean isTerminal(int fd) {
        return FileDescriptors.isTerminal(fd);
    }

    /** Puts the terminal on {@code fd} into raw mode (cfmakeraw) and returns how to restore it. */
    public static SavedMode makeRaw(int fd) throws NativeCallException {
        byte[] saved = new byte[LibC.TERMIOS_SIZE];
        try {
            LibC.INSTANCE.tcgetattr(fd, saved);
        } catch (LastErrorException e) {
            throw NativeCallException.of("tcgetattr(fd " + fd + ")", e);
        }
        byte[] raw = saved.clone();
        LibC.INSTANCE.cfmakeraw(raw);
        setAttributes(fd, raw);
        return new SavedMode(fd, saved);
    }

    public static WindowSize windowSize(int fd) throws NativeCallException {
        short[] winsize = new short[4];
        try {
            LibC.INSTANCE.ioctl(fd, LibC.TIOCGWINSZ, winsize);
        } catch (LastErrorException e) {
            throw NativeCallException.of("ioctl(fd " + fd + ", TIOCGWINSZ)", e);
        }
        return new WindowSize(winsize[0] & 0xffff, winsize[1] & 0xffff);
    }

    public static void setWindowSize(int fd, int rows, int columns) throws NativeCallException {
        WindowSize size = new WindowSize(rows, columns);
        short[] winsize = {(short) size.rows(), (short) size.columns(), 0, 0};
        try {
            LibC.INSTANCE.ioctl(fd, LibC.TIOCSWINSZ, winsize);
        } catch (LastErrorException e) {
            throw NativeCallException.of("ioctl(fd " + fd + ", TIOCSWINSZ, " + rows + "x" + columns + ")", e);
        }
    }

    private static void setAttributes(int fd, byte[] termios) throws NativeCallException {
        try {
            LibC.INSTANCE.tcsetattr(fd, LibC.TCSANOW, termios);
        } catch (LastErrorException e) {
            throw NativeCallException.of("tcsetattr(fd " + fd + ", TCSANOW)", e);
        }
    }
}
