package dev.vaina.monitor;

import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a monitor that the launcher starts before the container is ready (see dev.vaina.launch.MonitorStart) gets its
 * options: its command line is {@code --id ID --options-from FD --pid-to FD}; it writes its PID to the one pipe and
 * reads the rest of its options, each ended by a NUL byte, from the other, which the launcher fills once the
 * container can start and systemd knows this process as the unit's main one.
 */
final class OptionsPipe {
    static final String OPTIONS_FROM = "--options-from";
    static final String PID_TO = "--pid-to";

    private OptionsPipe() {
    }

    /**
     * The whole command line: {@code args} as they are when they name no pipe; null when the launcher closed the pipe
     * without a word, having failed (it reports why itself).
     */
    static String[] commandLine(String[] args) throws IOException {
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
            return args;
        }
        if (optionsFd < 0 || pidFd < 0) {
            throw new IllegalArgumentException(OPTIONS_FROM + " and " + PID_TO + " go together");
        }
        byte[] pid = (Processes.pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            FileDescriptors.write(pidFd, pid, 0, pid.length);
        } finally {
            FileDescriptors.close(pidFd);
        }
        byte[] options;
        try (InputStream in = new FdInputStream(optionsFd)) {
            options = in.readAllBytes();
        }
        if (options.length == 0) {
            return null;
        }
        int start = 0;
        for (int i = 0; i < options.length; i++) {
            if (options[i] == 0) {
                given.add(new String(options, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start != options.length) {
            throw new IOException("the launcher's options end without a NUL byte");
        }
        return given.toArray(String[]::new);
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
