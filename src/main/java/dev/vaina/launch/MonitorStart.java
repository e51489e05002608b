package dev.vaina.launch;

import dev.vaina.linux.ExitStatus;
import dev.vaina.linux.FdPassing;
import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.Pipe;
import dev.vaina.linux.Processes;
import dev.vaina.linux.SdNotify;
import dev.vaina.linux.Spawn;
import dev.vaina.linux.UnixStreamServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The container's monitor, started while the launcher still writes the bundle and netavark sets the network up, so
 * that its JVM starts beside that work rather than after it (two JVMs in a row were most of a start's time). The
 * monitor tells its PID through one pipe and waits for its options on another; the launcher hands them over once
 * the bundle is written, and the word to start once systemd has taken the monitor as the unit's main process and
 * the network is up, then exits. The runtime's create (some 50 ms) runs meanwhile, while netavark still works.
 *
 * <p>The monitor is started through {@code setsid --fork}, whose first process exits at once: the monitor is then
 * the service manager's child (a child subreaper) before systemd is told of it. A main process systemd did not
 * see as its child is one whose exit status it may never learn. Nothing else of the launcher's reaches the
 * monitor but its stdio, socket activation's sockets and the held host ports.
 *
 * <p>Root's launcher wrapper starts the monitor itself, the same way, as it starts the launcher's JVM: the two JVMs
 * then start together ({@link #adopt}). That monitor connects to a socket this launcher listens on, and the same
 * words go through the connection, the held host ports with the options (SCM_RIGHTS).
 */
public final class MonitorStart {
    /** The monitor's options that name its two pipes: the one it reads its options from, the one it tells its PID on. */
    public static final String OPTIONS_FROM = "--options-from";
    public static final String PID_TO = "--pid-to";
    /** The option, given by root's launcher wrapper, that names where the monitor it started connects instead. */
    public static final String LAUNCHER_SOCKET = "--launcher-socket";
    /** The byte that follows the options once the network is up: the container may start. */
    public static final byte START = 'S';
    private static final String SETSID = "/usr/bin/setsid";
    /** How long systemd may take to confirm the new main process; it answers within milliseconds. */
    private static final int BARRIER_MILLIS = 5_000;

    /** How long a monitor started beside the launcher may take to connect: its JVM starts in tens of milliseconds. */
    static final int CONNECT_MILLIS = 30_000;

    private final String id;
    /** Each -1 once closed; one connection for both when the monitor connected. */
    private int optionsFd;
    private int pidFd;
    /** Where the monitor started beside the launcher connects, until it has; else null. */
    private UnixStreamServer listening;
    /** The held host ports, for a monitor that did not inherit them: they go with its options. */
    private final List<Integer> held;
    private final boolean adopted;

    private MonitorStart(String id, int optionsFd, int pidFd, UnixStreamServer listening, List<Integer> held) {
        this.id = id;
        this.optionsFd = optionsFd;
        this.pidFd = pidFd;
        this.listening = listening;
        this.held = held;
        this.adopted = listening != null;
    }

    /**
     * @param command the monitor's command line up to its options ({@link MonitorCommand#start})
     * @param inherited the descriptors the monitor keeps besides its stdio
     */
    static MonitorStart spawn(String id, List<String> command, Map<String, String> env, Set<Integer> inherited)
            throws IOException {
        if (!SdNotify.available()) {
            throw new IOException("the launcher runs as the ExecStart= of a container's unit ($NOTIFY_SOCKET is not set)");
        }
        Pipe options = Pipe.open();
        Pipe pid = Pipe.open();
        List<String> argv = new ArrayList<>(List.of(SETSID, "--fork"));
        argv.addAll(command);
        argv.addAll(List.of(OPTIONS_FROM, Integer.toString(options.readFd()), PID_TO, Integer.toString(pid.writeFd())));
        Set<Integer> kept = new HashSet<>(inherited);
        kept.add(options.readFd());
        kept.add(pid.writeFd());
        try {
            ExitStatus setsid = Processes.waitFor(Spawn.spawnInheriting(argv, env, kept));
            if (setsid.code() != 0) {
                throw new IOException("cannot start the monitor of container " + id + ": " + SETSID + " failed ("
                        + setsid + ")");
            }
        } catch (IOException e) {
            FileDescriptors.closeQuietly(options.writeFd());
            FileDescriptors.closeQuietly(pid.readFd());
            throw e;
        } finally {
            FileDescriptors.closeQuietly(options.readFd());
            FileDescriptors.closeQuietly(pid.writeFd());
        }
        return new MonitorStart(id, options.writeFd(), pid.readFd(), null, List.of());
    }

    /**
     * The monitor that root's launcher wrapper started beside this launcher, and that connects to {@code listening}:
     * it gets {@code held} (the host ports' sockets, which it did not inherit) with its options.
     */
    static MonitorStart adopt(String id, UnixStreamServer listening, List<Integer> held) throws IOException {
        if (!SdNotify.available()) {
            throw new IOException("the launcher runs as the ExecStart= of a container's unit ($NOTIFY_SOCKET is not set)");
        }
        return new MonitorStart(id, -1, -1, listening, held);
    }

    /** Whether the monitor is the one started beside the launcher. */
    boolean adopted() {
        return adopted;
    }

    /** The monitor's PID, once its JVM runs: a line. */
    long awaitPid() throws IOException {
        if (listening != null) {
            try {
                optionsFd = listening.accept();
            } catch (NativeCallException e) {
                throw new IOException("the monitor of container " + id + ", started beside the launcher, did not"
                        + " connect within " + CONNECT_MILLIS + " ms (see the unit's log)", e);
            } finally {
                listening.close();
                listening = null;
            }
            pidFd = optionsFd;
        }
        StringBuilder told = new StringBuilder();
        InputStream in = new FdInputStream(pidFd);
        try {
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                told.append((char) c);
            }
        } finally {
            if (!adopted) {
                in.close();
                pidFd = -1;
            }
        }
        String text = told.toString();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("the monitor of container " + id + " exited before it started (see the unit's log)");
        }
    }

    /**
     * Hands the monitor its options: it creates the container, and waits for {@link #start}. Should the launcher die
     * from here on, the monitor, told nothing more, deletes what it created and exits.
     */
    void sendOptions(List<String> options) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String option : options) {
            bytes.writeBytes(option.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        byte[] length = (bytes.size() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = bytes.toByteArray();
        try {
            if (adopted && !held.isEmpty()) {
                // The held ports' sockets go with the length's first byte, which the monitor reads with recvmsg(2).
                FdPassing.send(optionsFd, length, held, "the monitor of container " + id);
            } else {
                FileDescriptors.write(optionsFd, length, 0, length.length);
            }
            FileDescriptors.write(optionsFd, body, 0, body.length);
        } catch (NativeCallException e) {
            // EPIPE: the monitor has exited, having said why in the unit's log.
            throw new IOException("the monitor of container " + id + " exited before it took its options"
                    + " (see the unit's log)", e);
        }
    }

    /**
     * Makes the monitor the unit's main process, while the runtime creates the container: before {@link #start},
     * so that the container's end, and the monitor's, are the unit's.
     */
    void makeMainProcess(long pid) throws IOException {
        SdNotify.send("MAINPID=" + pid);
        if (!SdNotify.barrier(BARRIER_MILLIS)) {
            throw new IOException("systemd did not confirm the monitor of container " + id + " (pid " + pid
                    + ") as the unit's main process within " + BARRIER_MILLIS + " ms");
        }
    }

    /** The container may start: its network is up. This process may exit after. */
    void start() throws IOException {
        try {
            FileDescriptors.write(optionsFd, new byte[] {START}, 0, 1);
        } catch (NativeCallException e) {
            // EPIPE: the monitor has exited, having failed (its create, say) and said why.
            throw new IOException("the monitor of container " + id + " exited before the container could start"
                    + " (see the unit's log)", e);
        } finally {
            FileDescriptors.closeQuietly(optionsFd);
            optionsFd = -1;
            pidFd = adopted ? -1 : pidFd;
        }
    }

    /** The start failed: the monitor, told nothing, exits. */
    void abandon() {
        FileDescriptors.closeQuietly(optionsFd);
        if (!adopted) {
            FileDescriptors.closeQuietly(pidFd);
        }
        optionsFd = -1;
        pidFd = -1;
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException ignored) {
                // Its file stays; the next start replaces it.
            }
            listening = null;
        }
    }

}
