package dev.vaina.cli.containers;

import dev.vaina.engine.Waiting;
import dev.vaina.linux.Terminal;
import dev.vaina.linux.UnixStreamConnection;
import dev.vaina.linux.WindowSize;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The client side of the monitor's attach socket (see the monitor's AttachServer for the framing): our
 * stdin goes to the container, its output comes back; with a terminal ours is put in raw mode and
 * window size changes are passed on. A raw descriptor, not the JDK's channel: see {@link UnixStreamConnection}.
 */
final class AttachClient implements AutoCloseable {
    private static final byte STDIN = 0;
    private static final byte RESIZE = 1;
    private static final byte CLOSE_STDIN = 2;

    private final UnixStreamConnection connection;
    private final boolean terminal;
    private Terminal.SavedMode savedMode;
    private volatile boolean detached;

    private AttachClient(UnixStreamConnection connection, boolean terminal) {
        this.connection = connection;
        this.terminal = terminal;
    }

    /** Connects as soon as the monitor has bound the socket, so that little output is missed. */
    static AttachClient connect(Path socket, boolean terminal, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(socket)) {
                try {
                    return new AttachClient(UnixStreamConnection.connect(socket, 0), terminal);
                } catch (IOException e) {
                    last = e;
                }
            }
            Waiting.sleep(5);
        }
        throw new IOException("cannot attach to the container: no monitor answered at " + socket
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    /**
     * Copies until the container's output ends, or until the detach keys are typed; our stdin is forwarded
     * when {@code forwardStdin}, and only the output streams asked for are printed (`run -a stdout`).
     *
     * @return whether the client detached, leaving the container running
     */
    boolean relay(boolean forwardStdin, boolean showStdout, boolean showStderr, DetachKeys keys) throws IOException {
        if (terminal && Terminal.isTerminal(0)) {
            savedMode = Terminal.makeRaw(0);
            sendWindowSize();
            WindowChanges.onChange(this::sendWindowSize);
        }
        if (forwardStdin) {
            Thread input = new Thread(() -> forwardStdin(keys), "stdin");
            input.setDaemon(true);
            input.start();
        }
        InputStream fromMonitor = connection.input();
        OutputStream stdout = showStdout ? new FileOutputStream(FileDescriptor.out) : OutputStream.nullOutputStream();
        OutputStream stderr = showStderr ? new FileOutputStream(FileDescriptor.err) : OutputStream.nullOutputStream();
        try {
            if (terminal) {
                fromMonitor.transferTo(new FlushingStream(stdout));
            } else {
                Frames.demultiplex(fromMonitor, stdout, stderr);
            }
        } catch (IOException e) {
            // Detaching shuts the connection down, in the middle of a frame maybe.
            if (!detached) {
                throw e;
            }
        }
        return detached;
    }

    /**
     * Forwards our stdin, holding back bytes that may begin the detach keys until the next byte tells; the
     * whole sequence detaches: the connection is shut down, which ends {@link #relay}'s copying too.
     */
    private void forwardStdin(DetachKeys keys) {
        byte[] buffer = new byte[8192];
        byte[] sequence = keys.sequence();
        int matched = 0;
        // fd 0 is never closed here: the terminal's mode is restored on it once the relay ends
        InputStream in = new FileInputStream(FileDescriptor.in);
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                ByteArrayOutputStream chunk = new ByteArrayOutputStream(n);
                for (int i = 0; i < n; i++) {
                    if (sequence.length > 0 && buffer[i] == sequence[matched]) {
                        if (++matched == sequence.length) {
                            sendInput(chunk.toByteArray());
                            detached = true;
                            connection.shutdown();
                            return;
                        }
                        continue;
                    }
                    chunk.write(sequence, 0, matched); // a false start is the container's input after all
                    matched = 0;
                    if (sequence.length > 0 && buffer[i] == sequence[0]) {
                        matched = 1;
                        continue;
                    }
                    chunk.write(buffer[i]);
                }
                sendInput(chunk.toByteArray());
            }
            send(ByteBuffer.wrap(new byte[] {CLOSE_STDIN}));
        } catch (IOException e) {
            // The container is gone or the socket closed: nothing more to forward.
        }
    }

    private void sendInput(byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            send(ByteBuffer.allocate(5 + bytes.length).put(STDIN).putInt(bytes.length).put(bytes).flip());
        }
    }

    private void sendWindowSize() {
        try {
            WindowSize size = Terminal.windowSize(0);
            send(ByteBuffer.allocate(5).put(RESIZE).putShort((short) size.rows()).putShort((short) size.columns()).flip());
        } catch (IOException | RuntimeException e) {
            // A window size we cannot read or send only leaves the old size in place.
        }
    }

    /** One frame, whole: the connection's writes do not interleave. */
    private void send(ByteBuffer frame) throws IOException {
        connection.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
    }

    @Override
    public void close() throws IOException {
        try {
            if (savedMode != null) {
                savedMode.close();
            }
        } finally {
            connection.close();
        }
    }

    /** The terminal's bytes as they come: an interactive program cannot wait for a full buffer. */
    private static final class FlushingStream extends OutputStream {
        private final OutputStream out;

        FlushingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            out.flush();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            out.flush();
        }
    }
}
