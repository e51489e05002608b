package dev.vaina.monitor;

import dev.vaina.launch.MonitorStart;
import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FdPassing;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.UnixStreamClient;
import dev.vaina.store.OwnProcess;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a monitor that the launcher starts before the container is ready (see dev.vaina.launch.MonitorStart) gets its
 * options and its word to start: its command line is {@code --id ID --options-from FD --pid-to FD}. It writes its
 * PID to the one pipe; from the other it reads the rest of its options, once the bundle is written (their length in
 * decimal and a newline, then each option ended by a NUL byte), and later, once systemd knows this process as the
 * unit's main one and the network is up, the byte {@code S}: the runtime creates the container meanwhile, and only
 * its start waits. A pipe closed instead means the launcher failed (it says why itself).
 *
 * <p>Started by root's launcher wrapper, together with the launcher, its command line is {@code --id ID
 * --launcher-socket PATH}: it connects there, and the same words go through that connection, the held host ports'
 * sockets with the options.
 */
final class OptionsPipe {
    private static final String OPTIONS_FROM = MonitorStart.OPTIONS_FROM;
    private static final String PID_TO = MonitorStart.PID_TO;
    /** Root's launcher wrapper starts the monitor itself: it connects to the launcher there instead. */
    static final String LAUNCHER_SOCKET = MonitorStart.LAUNCHER_SOCKET;
    /**
     * How long the launcher, started together with this monitor, may take to listen: it does so first thing, tens of
     * milliseconds after its exec. Should it die before, systemd ends this process with the unit's others.
     */
    private static final int CONNECT_MILLIS = 120_000;

    /** Null when the launcher gave up before it gave the options. */
    private final String[] commandLine;
    private final boolean fromLauncher;
    /** The pipe the word to start comes through; -1 once read, or when nothing is to come. */
    private int startFd;

    private OptionsPipe(String[] commandLine, boolean fromLauncher, int startFd) {
        this.commandLine = commandLine;
        this.fromLauncher = fromLauncher;
        this.startFd = startFd;
    }

    /**
     * Reads the options: {@code args} as they are when they name no pipe (nothing to wait for then).
     */
    static OptionsPipe read(String[] args) throws IOException {
        List<String> given = new ArrayList<>(args.length);
        int optionsFd = -1;
        int pidFd = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(LAUNCHER_SOCKET) && i + 1 < args.length) {
                given.addAll(List.of(args).subList(i + 2, args.length));
                return fromSocket(given, Path.of(args[i + 1]));
            }
            if ((args[i].equals(OPTIONS_FROM) || args[i].equals(PID_TO)) && i + 1 < args.length) {
                int fd = descriptor(args[i], args[++i]);
                if (args[i - 1].equals(OPTIONS_FROM)) {
                    optionsFd = fd;
                } else {
                    pidFd = fd;
                }
            } else {
                given.add(args[i]);
            }
        }
        if (optionsFd < 0 && pidFd < 0) {
            return new OptionsPipe(args, false, -1);
        }
        if (optionsFd < 0 || pidFd < 0) {
            throw new IllegalArgumentException(OPTIONS_FROM + " and " + PID_TO + " go together");
        }
        // Through the JDK's own files, reopened from /proc: JNA may still be loading meanwhile. The descriptors given
        // are closed, or kept from the runtime's processes, once it has, before anything is started that would
        // inherit them.
        // Not ProcessHandle's PID, which would set its process reaper up (some 25 classes) in a process that lives
        // as long as its container.
        String pid = Long.toString(OwnProcess.PID);
        try (OutputStream out = new FileOutputStream("/proc/self/fd/" + pidFd)) {
            out.write((pid + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] options;
        try (InputStream in = new FileInputStream("/proc/self/fd/" + optionsFd)) {
            options = readOptions(in);
        }
        FileDescriptors.close(pidFd);
        if (options == null) {
            FileDescriptors.close(optionsFd);
            return new OptionsPipe(null, true, -1);
        }
        FileDescriptors.closeOnExec(optionsFd);
        return withOptions(given, options, optionsFd);
    }

    /**
     * Connects to the launcher that was started together with this monitor, and goes through the same steps over
     * that one connection: this process's PID out, the options (with the held ports' sockets) and the word to start
     * in.
     */
    private static OptionsPipe fromSocket(List<String> given, Path socket) throws IOException {
        int connection = UnixStreamClient.connect(socket, CONNECT_MILLIS);
        byte[] pid = (OwnProcess.PID + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] options;
        try {
            FileDescriptors.write(connection, pid, 0, pid.length);
            // The held host ports' sockets come with the first byte. Nothing closes them: they stay open as long as
            // this process lives, as inherited ones do.
            byte[] first = new byte[1];
            FdPassing.Received received = FdPassing.receive(connection, first, "the launcher");
            options = received.length() == 0 ? null : readOptions(first[0] & 0xff, new FdInputStream(connection));
        } catch (IOException | RuntimeException e) {
            FileDescriptors.close(connection);
            throw e;
        }
        if (options == null) {
            FileDescriptors.close(connection);
            return new OptionsPipe(null, true, -1);
        }
        return withOptions(given, options, connection);
    }

    /** {@code given} with the options, NUL-ended, that follow; the word to start is to come through {@code startFd}. */
    private static OptionsPipe withOptions(List<String> given, byte[] options, int startFd) throws IOException {
        int start = 0;
        for (int i = 0; i < options.length; i++) {
            if (options[i] == 0) {
                given.add(new String(options, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start != options.length) {
            FileDescriptors.close(startFd);
            throw new IOException("the launcher's options end without a NUL byte");
        }
        return new OptionsPipe(given.toArray(new String[0]), true, startFd);
    }

    /** Whether the options came from the launcher, through the pipes. */
    boolean fromLauncher() {
        return fromLauncher;
    }

    /** The whole command line, or null when the launcher closed the pipe without a word, having failed. */
    String[] commandLine() {
        return commandLine;
    }

    /**
     * Waits for the launcher's word that the container may start (its network is up). False: the launcher gave up,
     * and said why; the container must not start.
     */
    boolean awaitStart() throws IOException {
        if (startFd < 0) {
            return true;
        }
        byte[] word = new byte[1];
        int n;
        try {
            n = FileDescriptors.read(startFd, word);
        } finally {
            FileDescriptors.close(startFd);
            startFd = -1;
        }
        if (n > 0 && word[0] != MonitorStart.START) {
            throw new IOException("the launcher sent " + (word[0] & 0xff) + " where the word to start was expected");
        }
        return n > 0;
    }

    /** Their length, a newline, then that many bytes; null for a pipe closed without a word. */
    private static byte[] readOptions(InputStream in) throws IOException {
        int c = in.read();
        return c < 0 ? null : readOptions(c, in);
    }

    /** As {@link #readOptions(InputStream)}, its first byte {@code c} read already. */
    private static byte[] readOptions(int c, InputStream in) throws IOException {
        long length = 0;
        for (; c != '\n'; c = in.read()) {
            if (c < '0' || c > '9' || length > Integer.MAX_VALUE / 10) {
                throw new IOException("the launcher's options do not start with their length");
            }
            length = length * 10 + (c - '0');
        }
        byte[] options = new byte[(int) length];
        // Not readNBytes: FileInputStream's asks a pipe for its size and position, which it has not.
        for (int done = 0; done < options.length; ) {
            int n = in.read(options, done, options.length - done);
            if (n < 0) {
                throw new IOException("the launcher's options end after " + done + " of " + options.length + " bytes");
            }
            done += n;
        }
        return options;
    }

    private static int descriptor(String option, String value) {
        try {
            int fd = Integer.parseInt(value);
            if (fd > 2) {
                return fd;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " takes a descriptor number above 2, got " + value);
    }
}
