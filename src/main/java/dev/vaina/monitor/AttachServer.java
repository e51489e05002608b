package dev.vaina.monitor;

import dev.vaina.launch.ContainerPaths;
import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FdOutputStream;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.Terminal;
import dev.vaina.linux.UnixStreamServer;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The attach socket: an AF_UNIX stream socket at {@code --attach-socket}, which exists from before the
 * runtime's {@code create} (connections made before the container starts are queued and see all of its
 * output). Any number of clients may be connected at once; each receives the container's output produced
 * after it connected (earlier output is only in the log file). A client that starts the container itself (a
 * foreground run, {@code start -a}) announces itself first with a file beside the socket, {@code PATH.expected}
 * (launch.ContainerPaths#attachAnnouncement): the container then starts only once a client has connected, so
 * that a short container's output, which has no log file with {@code --log-driver none}, reaches it.
 *
 * <h2>Monitor to client</h2>
 * <ul>
 * <li>With {@code --terminal}: the raw bytes of the pty, unframed.</li>
 * <li>Without: a sequence of frames, each {@code [1 byte stream][4 bytes length, big-endian][length bytes]},
 * stream 1 = stdout, 2 = stderr; length is 1 to 8192.</li>
 * </ul>
 * When the container has exited and its output is drained, the monitor shuts every connection down (the
 * client reads end of file) and then writes the exit file; the client reads the exit code from there.
 *
 * <h2>Client to monitor</h2>
 * A sequence of messages, each starting with a 1-byte type:
 * <ul>
 * <li>{@code 0} stdin data: {@code [0][4 bytes length N, big-endian, 0 to 1048576][N bytes]}; the bytes
 * go to the container's stdin (or the pty). Ignored unless the monitor runs with {@code --interactive}.</li>
 * <li>{@code 1} resize: {@code [1][2 bytes rows, big-endian][2 bytes columns, big-endian]}; sets the pty's
 * window size (the container gets SIGWINCH). Ignored without {@code --terminal}.</li>
 * <li>{@code 2} close stdin: {@code [2]}; without a terminal the container's stdin pipe is closed (the
 * container reads end of file; this cannot be undone); with a terminal an EOT byte (Ctrl-D, 0x04) is
 * written to the pty instead. Ignored unless {@code --interactive}.</li>
 * </ul>
 * A client that does not read its output for 2 seconds while the container writes is disconnected.
 * Any other type byte, or a length out of range, closes that connection. A client that just disconnects
 * detaches: the container's stdin stays open for the next client.
 */
final class AttachServer implements AutoCloseable {
    static final int MAX_STDIN_CHUNK = 1 << 20;
    private static final int TYPE_STDIN = 0;
    private static final int TYPE_RESIZE = 1;
    private static final int TYPE_CLOSE_STDIN = 2;
    private static final byte EOT = 4;
    private static final int SEND_TIMEOUT_MILLIS = 2000;

    /** How long an announced client may take to connect before the container starts without it. */
    private static final long ANNOUNCED_WAIT_MILLIS = 10_000;

    private final UnixStreamServer server;
    private final Path announcement;
    private final boolean framed;
    private final ArrayList<Client> clients = new ArrayList<>();
    private final byte[] frame = new byte[5 + 8192];
    private OutputStream stdin;
    private int ptyFd = -1;
    private ContainerIo io;
    private boolean stdinClosed;
    private volatile boolean closed;

    private AttachServer(UnixStreamServer server, Path announcement, boolean framed) {
        this.server = server;
        this.announcement = announcement;
        this.framed = framed;
    }

    /** Listens on the socket (replacing a stale one); connections wait in the backlog until {@link #start}. */
    static AttachServer bind(Path path, boolean terminal) throws IOException {
        java.nio.file.Files.createDirectories(path.toAbsolutePath().getParent());
        try {
            return new AttachServer(UnixStreamServer.listen(path, 0), ContainerPaths.attachAnnouncement(path), !terminal);
        } catch (IOException e) {
            throw new IOException("cannot listen on attach socket " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether a client that starts the container announced itself. */
    static boolean clientAnnounced(Path socket) {
        return Files.exists(ContainerPaths.attachAnnouncement(socket));
    }

    /**
     * Where the clients' input goes: {@code stdin} the container's (null: not interactive), {@code ptyFd} the pty
     * master for resizes (-1: no terminal). Before {@link ContainerIo} starts accepting clients.
     */
    synchronized void connectInput(OutputStream stdin, int ptyFd) {
        this.stdin = stdin;
        this.ptyFd = ptyFd;
    }

    /** The listening socket's descriptor, which {@link ContainerIo} polls for clients to accept. */
    int listeningDescriptor() {
        return server.descriptor();
    }

    /** {@code io} polls the socket from now on: {@link #close} has it let go first. */
    synchronized void servedBy(ContainerIo io) {
        this.io = io;
    }

    /**
     * Accepts the client that is waiting (the socket polled readable); false when the socket accepts no more (it was
     * closed, or failed), so that it is polled no more.
     */
    boolean acceptClient() {
        if (closed) {
            return false;
        }
        int fd;
        try {
            fd = server.accept();
        } catch (NativeCallException e) {
            if (!closed) {
                System.err.println("vaina monitor: accepting attach clients: " + e.getMessage());
            }
            return false;
        }
        try {
            // A client that stops reading is dropped rather than stalling the container's output.
            UnixStreamServer.setSendTimeout(fd, SEND_TIMEOUT_MILLIS);
        } catch (NativeCallException e) {
            System.err.println("vaina monitor: " + e.getMessage());
        }
        Client client = new Client(fd);
        synchronized (clients) {
            clients.add(client);
        }
        Threads.start("attach-client", new ClientReader(client));
        return true;
    }

    /**
     * When a client announced itself, waits until one has connected (at most {@link #ANNOUNCED_WAIT_MILLIS}),
     * and takes the announcement away. Called after {@link #start}, before the container starts.
     */
    void awaitAnnouncedClient() throws InterruptedException {
        if (!Files.exists(announcement)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANNOUNCED_WAIT_MILLIS);
        try {
            while (System.nanoTime() < deadline) {
                synchronized (clients) {
                    if (!clients.isEmpty()) {
                        return;
                    }
                }
                Thread.sleep(2);
            }
        } finally {
            try {
                Files.deleteIfExists(announcement);
            } catch (IOException e) {
                System.err.println("vaina monitor: " + e.getMessage());
            }
        }
    }

    /** Sends output (at most 8192 bytes) to every client; a client whose connection fails is dropped. */
    void broadcast(StreamId stream, byte[] data, int length) {
        synchronized (clients) {
            if (clients.isEmpty()) {
                return;
            }
            byte[] message = data;
            int messageLength = length;
            if (framed) {
                frame[0] = (byte) stream.id();
                frame[1] = (byte) (length >>> 24);
                frame[2] = (byte) (length >>> 16);
                frame[3] = (byte) (length >>> 8);
                frame[4] = (byte) length;
                System.arraycopy(data, 0, frame, 5, length);
                message = frame;
                messageLength = 5 + length;
            }
            for (int i = clients.size() - 1; i >= 0; i--) {
                Client client = clients.get(i);
                try {
                    client.output.write(message, 0, messageLength);
                } catch (IOException e) {
                    // Its reader thread sees end of file, then closes the descriptor.
                    clients.remove(i);
                    UnixStreamServer.shutdown(client.fd);
                }
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ContainerIo polling;
        synchronized (this) {
            polling = io;
        }
        boolean released = true;
        if (polling != null) {
            server.stopAccepting();
            try {
                released = polling.releaseListener();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                released = false;
            }
        }
        try {
            if (released) {
                server.close();
            }
            // else the thread that polls it hangs in a write: the descriptor stays open, to go with this process
        } catch (IOException e) {
            System.err.println("vaina monitor: closing the attach socket: " + e.getMessage());
        }
        synchronized (clients) {
            for (Client client : clients) {
                UnixStreamServer.shutdown(client.fd);
            }
            clients.clear();
        }
    }

    private static final class Client {
        final int fd;
        final FdOutputStream output;

        Client(int fd) {
            this.fd = fd;
            this.output = new FdOutputStream(fd);
        }
    }

    private final class ClientReader implements Runnable {
        private final Client client;

        ClientReader(Client client) {
            this.client = client;
        }

        @Override
        public void run() {
            DataInputStream in = new DataInputStream(new FdInputStream(client.fd));
            try {
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        break;
                    }
                    if (type == TYPE_STDIN) {
                        int length = in.readInt();
                        if (length < 0 || length > MAX_STDIN_CHUNK) {
                            throw new IOException("stdin message of " + length + " bytes");
                        }
                        byte[] data = new byte[length];
                        in.readFully(data);
                        writeStdin(data);
                    } else if (type == TYPE_RESIZE) {
                        int rows = in.readUnsignedShort();
                        resize(rows, in.readUnsignedShort());
                    } else if (type == TYPE_CLOSE_STDIN) {
                        closeStdin();
                    } else {
                        throw new IOException("unknown message type " + type);
                    }
                }
            } catch (EOFException e) {
                // The client went away in the middle of a message: same as detaching.
            } catch (IOException e) {
                System.err.println("vaina monitor: dropping attach client: " + e.getMessage());
            }
            synchronized (clients) {
                clients.remove(client);
            }
            try {
                FileDescriptors.close(client.fd);
            } catch (NativeCallException e) {
                System.err.println("vaina monitor: " + e.getMessage());
            }
        }
    }

    private synchronized void writeStdin(byte[] data) {
        if (stdin == null || stdinClosed) {
            return;
        }
        try {
            stdin.write(data, 0, data.length);
        } catch (IOException e) {
            // The container closed its stdin; keep serving output.
            stdinClosed = true;
        }
    }

    private synchronized void resize(int rows, int columns) {
        if (ptyFd < 0) {
            return;
        }
        try {
            Terminal.setWindowSize(ptyFd, rows, columns);
        } catch (NativeCallException e) {
            System.err.println("vaina monitor: " + e.getMessage());
        }
    }

    private synchronized void closeStdin() {
        if (stdin == null || stdinClosed) {
            return;
        }
        try {
            if (ptyFd >= 0) {
                stdin.write(new byte[] {EOT}, 0, 1);
            } else {
                stdinClosed = true;
                stdin.close();
            }
        } catch (IOException e) {
            stdinClosed = true;
        }
    }
}
