package dev.vaina.monitor;

import dev.vaina.linux.FileDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // Through the JDK's own files, reopened from /proc: JNA may still be loading meanwhile. The descriptors given
        // are closed once it has, before anything is started that would inherit them.
        // The PID from /proc/self's link: ProcessHandle would set its process reaper up (some 25 classes) in a
        // process that lives as long as its container.
        String pid = Files.readSymbolicLink(Path.of("/proc/self")).toString();
        try (OutputStream out = new FileOutputStream("/proc/self/fd/" + pidFd)) {
            out.write((pid + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (InputStream in = new FileInputStream("/proc/self/fd/" + optionsFd)) {
            // Not readAllBytes: FileInputStream's asks a pipe for its size and position, which it has not.
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        }
        byte[] options = read.toByteArray();
        FileDescriptors.close(pidFd);
        FileDescriptors.close(optionsFd);
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
