package dev.vaina.systemd;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A client connection to a D-Bus bus over its Unix socket: EXTERNAL authentication, Hello, method calls that
 * may be pipelined, and signals handed to one listener. A daemon thread reads every message and hands each
 * reply to the call waiting for it; writes are serialised, so any thread may call.
 */
final class BusConnection implements AutoCloseable {
    static final String BUS_NAME = "org.freedesktop.DBus";
    private static final String BUS_PATH = "/org/freedesktop/DBus";
    /**
     * Signals before a listener is set. Objects, not lambdas, here and for the reading thread: a JVM's first lambda
     * sets the method-handle machinery up, which took the connecting thread 7 ms.
     */
    private static final Consumer<BusMessage> IGNORED = new Consumer<>() {
        @Override
        public void accept(BusMessage signal) {
        }
    };

    private final BusSocket socket;
    private final long replyTimeoutMillis;
    private final Map<Integer, PendingReply> pending = new HashMap<>();
    private final Object writeLock = new Object();
    private final Thread reader;
    private int lastSerial;
    private volatile Consumer<BusMessage> signalListener = IGNORED;
    private BusError broken;

    private BusConnection(BusSocket socket, long replyTimeoutMillis) {
        this.socket = socket;
        this.replyTimeoutMillis = replyTimeoutMillis;
        this.reader = new Thread(new Runnable() {
            @Override
            public void run() {
                readMessages();
            }
        }, "dbus-reader");
        reader.setDaemon(true);
    }

    /**
     * Connects to the bus at a D-Bus address ("unix:path=/run/user/1000/bus"), authenticates as the caller's
     * effective uid, and says Hello.
     *
     * @throws BusError if the bus cannot be reached or refuses the connection
     */
    static BusConnection open(String address, long effectiveUid, long replyTimeoutMillis) throws BusError {
        return open(address, effectiveUid, replyTimeoutMillis, ChannelBusSocket.OPENER);
    }

    /** As {@link #open(String, long, long)}, over a socket that {@code opener} connects. */
    static BusConnection open(String address, long effectiveUid, long replyTimeoutMillis, BusSocket.Opener opener)
            throws BusError {
        Path path = Path.of(socketPath(address));
        BusSocket socket;
        try {
            socket = opener.open(path);
        } catch (IOException e) {
            throw new BusError(BusError.DISCONNECTED, "cannot connect to " + path + ": " + describe(e), e);
        }
        try {
            authenticate(socket, effectiveUid);
        } catch (IOException e) {
            socket.close();
            throw new BusError(BusError.DISCONNECTED, "cannot connect to " + path + ": " + describe(e), e);
        } catch (BusError e) {
            socket.close();
            throw e;
        }
        BusConnection connection = new BusConnection(socket, replyTimeoutMillis);
        connection.reader.start();
        try {
            connection.call(BUS_NAME, BUS_PATH, BUS_NAME, "Hello", "", List.of());
        } catch (BusError e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * The socket of the first address of the list ("unix:path=..." with values %-escaped; "a;b" lists
     * alternatives). Abstract sockets and other transports are not supported: systemd's buses use paths.
     */
    static String socketPath(String address) throws BusError {
        for (String entry : address.split(";")) {
            if (!entry.startsWith("unix:")) {
                continue;
            }
            for (String pair : entry.substring("unix:".length()).split(",")) {
                if (pair.startsWith("path=")) {
                    return unescape(pair.substring("path=".length()), address);
                }
            }
        }
        throw new BusError(BusError.DISCONNECTED, "unsupported D-Bus address \"" + address
                + "\": only unix:path=SOCKET addresses are supported");
    }

    private static String unescape(String value, String address) throws BusError {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw new BusError(BusError.DISCONNECTED, "invalid escape in D-Bus address \"" + address + "\"");
                }
                text.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * SASL EXTERNAL: the bus checks the uid sent against the socket's peer credentials. The OK line is awaited
     * before BEGIN, as the specification describes; the connection is then in message mode.
     */
    private static void authenticate(BusSocket socket, long effectiveUid) throws IOException, BusError {
        StringBuilder hexUid = new StringBuilder();
        for (byte digit : Long.toString(effectiveUid).getBytes(StandardCharsets.US_ASCII)) {
            hexUid.append(Integer.toHexString(digit));
        }
        socket.write(("\0AUTH EXTERNAL " + hexUid + "\r\n").getBytes(StandardCharsets.US_ASCII));
        String answer = readLine(socket);
        if (!answer.startsWith("OK ")) {
            throw new BusError(BusError.DISCONNECTED, "the bus refused to authenticate uid " + effectiveUid
                    + " (it answered \"" + answer + "\")");
        }
        socket.write("BEGIN\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** One line of the authentication exchange, read byte by byte so that nothing after it is consumed. */
    private static String readLine(BusSocket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        byte[] one = new byte[1];
        while (line.length() < 4096) {
            if (socket.read(one, 0, 1) < 0) {
                throw new EOFException("the bus closed the connection during authentication");
            }
            char c = (char) (one[0] & 0xff);
            if (c == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            line.append(c);
        }
        throw new IOException("the bus sent an authentication line longer than 4096 bytes");
    }

    /** Sends a method call and returns at once; its reply is collected with {@link PendingReply#await}. */
    PendingReply send(String destination, String path, String interfaceName, String member, String signature,
            List<?> args) throws BusError {
        int serial;
        PendingReply reply;
        synchronized (this) {
            if (broken != null) {
                throw new BusError(broken.name(), broken.getMessage(), broken);
            }
            serial = ++lastSerial;
            reply = new PendingReply(serial, member);
            pending.put(serial, reply);
        }
        // Written under a lock of its own: the reading thread, which takes this object's to hand replies over,
        // never waits for a write (serials need to be unique, not in the order of the writes).
        try {
            byte[] message = BusMessage.call(serial, destination, path, interfaceName, member, signature, args).encode();
            synchronized (writeLock) {
                socket.write(message);
            }
        } catch (IOException e) {
            forget(serial);
            throw new BusError(BusError.DISCONNECTED, "cannot send " + member + ": " + describe(e), e);
        } catch (BusError e) {
            forget(serial);
            throw e;
        }
        return reply;
    }

    /** Calls a method and waits for its reply's values. */
    List<Object> call(String destination, String path, String interfaceName, String member, String signature,
            List<?> args) throws BusError {
        return send(destination, path, interfaceName, member, signature, args).await();
    }

    /** Where signals go (on the reading thread); the bus sends only those that a match rule asked for. */
    void onSignal(Consumer<BusMessage> listener) {
        signalListener = listener;
    }

    /** Asks the bus to route the signals that the rule matches here (see "Match Rules" in the specification). */
    void addMatch(String rule) throws BusError {
        askToAddMatch(rule).await();
    }

    /** AddMatch without waiting for its reply. */
    PendingReply askToAddMatch(String rule) throws BusError {
        return send(BUS_NAME, BUS_PATH, BUS_NAME, "AddMatch", "s", List.of(rule));
    }

    private void readMessages() {
        socket.beforeReading();
        byte[] fixed = new byte[BusMessage.FIXED_HEADER];
        try {
            while (true) {
                readFully(fixed, 0);
                byte[] bytes = new byte[BusMessage.length(fixed)];
                System.arraycopy(fixed, 0, bytes, 0, fixed.length);
                readFully(bytes, fixed.length);
                dispatch(BusMessage.decode(bytes));
            }
        } catch (IOException e) {
            fail(new BusError(BusError.DISCONNECTED, "the bus connection ended: " + describe(e), e));
        } catch (BusError e) {
            // A message this side cannot read leaves the stream at an unknown place: nothing after it is trusted.
            fail(e);
        } finally {
            // Nothing reads from the socket any more: it may go.
            socket.close();
        }
    }

    private void dispatch(BusMessage message) {
        switch (message.type()) {
            case BusMessage.METHOD_RETURN, BusMessage.ERROR -> {
                PendingReply reply;
                synchronized (this) {
                    reply = pending.remove(message.replySerial());
                }
                if (reply != null) {
                    reply.complete(message);
                }
            }
            case BusMessage.SIGNAL -> signalListener.accept(message);
            default -> {
                // Method calls to this short-lived client (a peer's Ping or Introspect) stay unanswered; the
                // caller gets its own error after its timeout.
            }
        }
    }

    private synchronized void forget(int serial) {
        pending.remove(serial);
    }

    private void fail(BusError error) {
        List<PendingReply> waiting;
        synchronized (this) {
            if (broken == null) {
                broken = error;
            }
            waiting = List.copyOf(pending.values());
            pending.clear();
        }
        for (PendingReply reply : waiting) {
            reply.fail(error);
        }
    }

    /** Fills {@code bytes} from {@code offset} on. */
    private void readFully(byte[] bytes, int offset) throws IOException {
        for (int done = offset; done < bytes.length; ) {
            int n = socket.read(bytes, done, bytes.length - done);
            if (n < 0) {
                throw new EOFException("the bus closed the connection");
            }
            done += n;
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (broken == null) {
                broken = new BusError(BusError.DISCONNECTED, "the bus connection was closed");
            }
        }
        // The reading thread, woken by the end of the stream, releases the socket; if it has ended already, this does.
        socket.shutdown();
        if (!reader.isAlive()) {
            socket.close();
        }
    }

    /** The reply to one call, handed over from the reading thread. */
    final class PendingReply {
        private final int serial;
        private final String member;
        private BusMessage reply;
        private BusError error;

        private PendingReply(int serial, String member) {
            this.serial = serial;
            this.member = member;
        }

        synchronized void complete(BusMessage message) {
            reply = message;
            notifyAll();
        }

        synchronized void fail(BusError failure) {
            error = failure;
            notifyAll();
        }

        /** The reply's values; an error reply, a broken connection or no reply in time is a {@link BusError}. */
        synchronized List<Object> await() throws BusError {
            long deadline = System.nanoTime() + replyTimeoutMillis * 1_000_000;
            while (reply == null && error == null) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    forget(serial);
                    throw new BusError(BusError.NO_REPLY, "No reply to " + member + " within "
                            + replyTimeoutMillis / 1000 + " s");
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BusError(BusError.NO_REPLY, "interrupted while waiting for the reply to " + member, e);
                }
            }
            if (error != null) {
                throw error;
            }
            if (reply.type() == BusMessage.ERROR) {
                Object text = reply.body().isEmpty() ? "" : reply.body().get(0);
                throw new BusError(reply.errorName(), text.toString());
            }
            return reply.body();
        }
    }
}
