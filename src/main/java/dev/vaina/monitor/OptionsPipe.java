package dev.vaina.monitor;

import dev.vaina.launch.MonitorStart;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.store.OwnProcess;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 */
final class OptionsPipe {
    private static final String OPTIONS_FROM = MonitorStart.OPTIONS_FROM;
    private static final String PID_TO = MonitorStart.PID_TO;

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
        int start = 0;
        for (int i = 0; i < options.length; i++) {
            if (options[i] == 0) {
                given.add(new String(options, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start != options.length) {
            FileDescriptors.close(optionsFd);
            throw new IOException("the launcher's options end without a NUL byte");
        }
        return new OptionsPipe(given.toArray(new String[0]), true, optionsFd);
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
        if (c < 0) {
            return null;
        }
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
