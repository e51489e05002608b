package dev.vaina.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the client behaves when its peer misbehaves: a bus that refuses the authentication, answers with an
 * error, or goes away while a call waits. A peer on a Unix socket in the test plays those parts; the manager
 * tests (SystemdManagerTest and the integration tests) talk to the real bus.
 */
class BusConnectionTest {
    @TempDir
    Path dir;

    /** One side of the peer's conversation. */
    @FunctionalInterface
    interface Peer {
        void serve(SocketChannel client) throws Exception;
    }

    private CompletableFuture<Void> peer(Path socket, Peer peer) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.runAsync(() -> {
            try (server; SocketChannel client = server.accept()) {
                peer.serve(client);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static BusConnection open(Path socket, long replyTimeoutMillis) throws BusError {
        return BusConnection.open("unix:path=" + socket, ManagerScope.effectiveUid(), replyTimeoutMillis);
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (client.read(one) < 0) {
                throw new IOException("closed");
            }
            if (one.get(0) == '\n') {
                return line.toString(StandardCharsets.US_ASCII).strip();
            }
            line.write(one.get(0));
        }
    }

    private static BusMessage readMessage(SocketChannel client) throws Exception {
        ByteBuffer fixed = ByteBuffer.allocate(BusMessage.FIXED_HEADER);
        while (fixed.hasRemaining()) {
            client.read(fixed);
        }
        byte[] bytes = Arrays.copyOf(fixed.array(), BusMessage.length(fixed.array()));
        ByteBuffer rest = ByteBuffer.wrap(bytes, BusMessage.FIXED_HEADER, bytes.length - BusMessage.FIXED_HEADER);
        while (rest.hasRemaining()) {
            client.read(rest);
        }
        return BusMessage.decode(bytes);
    }

    private static void reply(SocketChannel client, BusMessage call, int type, String errorName, String signature,
            List<Object> body) throws Exception {
        BusMessage answer = new BusMessage(type, 1, 1000 + call.serial(), null, null, null, errorName, call.serial(),
                null, "org.freedesktop.DBus", signature, body);
        client.write(ByteBuffer.wrap(answer.encode()));
    }

    /** The authentication, and Hello answered. */
    private static void greet(SocketChannel client) throws Exception {
        assertEquals(0, read(client, 1)[0]);
        String auth = readLine(client);
        assertEquals("AUTH EXTERNAL " + hex(Long.toString(ManagerScope.effectiveUid())), auth);
        client.write(ByteBuffer.wrap("OK 0123456789abcdef0123456789abcdef\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("BEGIN", readLine(client));
        BusMessage hello = readMessage(client);
        assertEquals("Hello", hello.member());
        reply(client, hello, BusMessage.METHOD_RETURN, null, "s", List.of(":1.42"));
    }

    private static byte[] read(SocketChannel client, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                throw new IOException("closed");
            }
        }
        return buffer.array();
    }

    private static String hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            hex.append(Integer.toHexString(b));
        }
        return hex.toString();
    }

    @Test
    void refusedAuthentication_isAnErrorThatSaysWhatTheBusAnswered() throws Exception {
        Path socket = dir.resolve("bus");
        CompletableFuture<Void> served = peer(socket, client -> {
            read(client, 1);
            readLine(client);
            client.write(ByteBuffer.wrap("REJECTED EXTERNAL\r\n".getBytes(StandardCharsets.US_ASCII)));
        });
        BusError error = assertThrows(BusError.class,
                () -> open(socket, 5_000));
        assertTrue(error.getMessage().contains("refused to authenticate") && error.getMessage().contains("REJECTED"),
                error.getMessage());
        served.get();
    }

    @Test
    void errorReply_carriesItsName_andTheConnectionGoesOn() throws Exception {
        Path socket = dir.resolve("bus");
        CompletableFuture<Void> served = peer(socket, client -> {
            greet(client);
            BusMessage first = readMessage(client);
            reply(client, first, BusMessage.ERROR, "org.freedesktop.systemd1.NoSuchUnit", "s",
                    List.of("Unit x.service not loaded."));
            BusMessage second = readMessage(client);
            assertEquals(List.of("y.service"), second.body());
            reply(client, second, BusMessage.METHOD_RETURN, null, "o", List.of("/org/freedesktop/systemd1/unit/y"));
        });
        try (BusConnection bus = open(socket, 5_000)) {
            Manager manager = new Manager(bus);
            BusError error = assertThrows(BusError.class, () -> manager.getUnit("x.service"));
            assertEquals("org.freedesktop.systemd1.NoSuchUnit", error.name());
            assertEquals("Unit x.service not loaded.", error.getMessage());
            assertEquals("/org/freedesktop/systemd1/unit/y", manager.getUnit("y.service"));
        }
        served.get();
    }

    @Test
    void busGoingAway_failsTheWaitingCall_andLaterOnes() throws Exception {
        Path socket = dir.resolve("bus");
        CompletableFuture<Void> served = peer(socket, client -> {
            greet(client);
            readMessage(client); // and closes without an answer
        });
        try (BusConnection bus = open(socket, 60_000)) {
            Manager manager = new Manager(bus);
            BusError error = assertThrows(BusError.class, () -> manager.getUnit("x.service"));
            assertEquals(BusError.DISCONNECTED, error.name());
            assertThrows(BusError.class, () -> manager.getUnit("y.service"));
        }
        served.get();
    }

    @Test
    void noAnswerInTime_isNoReply() throws Exception {
        Path socket = dir.resolve("bus");
        CompletableFuture<Void> served = peer(socket, client -> {
            greet(client);
            readMessage(client);
            Thread.sleep(1_000);
        });
        try (BusConnection bus = open(socket, 200)) {
            BusError error = assertThrows(BusError.class, () -> new Manager(bus).getUnit("x.service"));
            assertEquals(BusError.NO_REPLY, error.name());
            assertTrue(error.getMessage().contains("GetUnit"), error.getMessage());
        }
        served.get();
    }

    @Test
    void missingSocket_saysWhichPath() {
        Path socket = dir.resolve("nobody-listens");
        BusError error = assertThrows(BusError.class,
                () -> open(socket, 5_000));
        assertEquals(BusError.DISCONNECTED, error.name());
        assertTrue(error.getMessage().contains(socket.toString()), error.getMessage());
    }
}
