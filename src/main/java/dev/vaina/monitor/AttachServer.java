package dev.vaina.monitor;

import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.Terminal;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;

/**
 * The attach socket: an AF_UNIX stream socket at {@code --attach-socket}. Any number of clients may be
 * connected at once; each receives the container's output produced after it connected (earlier output
 * is only in the log file).
 *
 * <h2>Monitor to client</h2>
 * <ul>
 * <li>With {@code --terminal}: the raw bytes of the pty, unframed.</li>
 * <li>Without: a sequence of frames, each {@code [1 byte stream][4 bytes length, big-endian][length bytes]},
 * stream 1 = stdout, 2 = stderr; length is 1 to 65536.</li>
 * </ul>
 * When the container has exited and its output is drained, the monitor closes every connection (the
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
 * Any other type byte, or a length out of range, closes that connection. A client that just disconnects
 * detaches: the container's stdin stays open for the next client.
 */
final class AttachServer implements AutoCloseable {
    static final int MAX_STDIN_CHUNK = 1 << 20;
    private static final int TYPE_STDIN = 0;
    private static final int TYPE_RESIZE = 1;
    private static final int TYPE_CLOSE_STDIN = 2;
    private static final byte EOT = 4;

    private final ServerSocketChannel server;
    private final Path path;
    private final boolean framed;
    private final ArrayList<SocketChannel> clients = new ArrayList<>();
    private OutputStream stdin;
    private int ptyFd = -1;
    private boolean stdinClosed;

    private AttachServer(ServerSocketChannel server, Path path, boolean framed) {
        this.server = server;
        this.path = path;
        this.framed = framed;
    }

    /** Binds the socket (replacing a stale one); connections wait in the backlog until {@link #start}. */
    static AttachServer bind(Path path, boolean terminal) throws IOException {
        Files.deleteIfExists(path);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Bound under a temporary name and renamed once listening: a client that sees the path can connect
        // (between bind and listen a connect would be refused).
        Path fresh = path.resolveSibling(path.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(fresh));
            Files.move(fresh, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(fresh);
            throw new IOException("cannot bind attach socket " + path + ": " + e.getMessage(), e);
        }
        return new AttachServer(server, path, !terminal);
    }

    /**
     * Starts accepting clients. {@code stdin} is where stdin data goes (null: not interactive), {@code ptyFd}
     * the pty master for resizes (-1: no terminal).
     */
    void start(OutputStream stdin, int ptyFd) {
        synchronized (this) {
            this.stdin = stdin;
            this.ptyFd = ptyFd;
        }
        Threads.start("attach-accept", new Acceptor());
    }

    /** Sends output to every client; a client whose connection fails is dropped. */
    void broadcast(StreamId stream, byte[] data, int length) {
        synchronized (clients) {
            if (clients.isEmpty()) {
                return;
            }
            ByteBuffer message;
            if (framed) {
                message = ByteBuffer.allocate(5 + length);
                message.put((byte) stream.id()).putInt(length).put(data, 0, length).flip();
            } else {
                message = ByteBuffer.wrap(data, 0, length);
            }
            for (int i = clients.size() - 1; i >= 0; i--) {
                SocketChannel client = clients.get(i);
                try {
                    message.rewind();
                    if (!framed) {
                        message.limit(length);
                    }
                    while (message.hasRemaining()) {
                        client.write(message);
                    }
                } catch (IOException e) {
                    clients.remove(i);
                    closeQuietly(client);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Nothing is left to tell: the monitor is finishing.
        }
        synchronized (clients) {
            for (SocketChannel client : clients) {
                closeQuietly(client);
            }
            clients.clear();
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A stale socket file is replaced at the next bind.
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // The peer is gone either way.
        }
    }

    private final class Acceptor implements Runnable {
        @Override
        public void run() {
            while (server.isOpen()) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return;
                }
                synchronized (clients) {
                    clients.add(client);
                }
                Threads.start("attach-client", new ClientReader(client));
            }
        }
    }

    private final class ClientReader implements Runnable {
        private final SocketChannel client;
        private final ByteBuffer header = ByteBuffer.allocate(4);

        ClientReader(SocketChannel client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    ByteBuffer type = read(1);
                    switch (type.get()) {
                        case TYPE_STDIN -> {
                            int length = read(4).getInt();
                            if (length < 0 || length > MAX_STDIN_CHUNK) {
                                throw new IOException("stdin message of " + length + " bytes");
                            }
                            ByteBuffer data = ByteBuffer.allocate(length);
                            readFully(data);
                            writeStdin(data.array());
                        }
                        case TYPE_RESIZE -> {
                            ByteBuffer size = read(4);
                            resize(size.getShort() & 0xffff, size.getShort() & 0xffff);
                        }
                        case TYPE_CLOSE_STDIN -> closeStdin();
                        default -> throw new IOException("unknown message type");
                    }
                }
            } catch (IOException e) {
                synchronized (clients) {
                    clients.remove(client);
                }
                closeQuietly(client);
            }
        }

        private ByteBuffer read(int length) throws IOException {
            header.clear().limit(length);
            readFully(header);
            return header.flip();
        }

        private void readFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                if (client.read(buffer) < 0) {
                    throw new EOFException();
                }
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
        } catch (NativeCallException | IllegalArgumentException e) {
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
