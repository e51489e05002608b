package dev.vaina.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.linux.Processes;
import dev.vaina.spec.PortMapping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The forwarder against servers on this host: the target namespace is this process's own, which the forwarding
 * thread enters all the same (as root: setns needs CAP_SYS_ADMIN even there).
 */
class PortForwarderTest {
    private static final Path OWN_NETNS = Path.of("/proc/self/ns/net");

    /** An echo server that answers with what it read once the client has closed its side, then closes. */
    private static Thread echoAfterEnd(ServerSocket server) {
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(20_000);
                byte[] all = socket.getInputStream().readAllBytes();
                socket.getOutputStream().write(all);
            } catch (IOException ignored) {
                // The test fails on what the client did not get.
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void copiesBothWays_throughAHalfClose_moreThanItsBuffersHold() throws Exception {
        assertEquals(0, Processes.effectiveUid(), "setns needs CAP_SYS_ADMIN");
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(data);
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread echo = echoAfterEnd(server);
            int port = freePort();
            NetworkDriver.Connection forwarder = PortForwarder.start(
                    List.of(new PortMapping("127.0.0.1", port, server.getLocalPort(), 1, PortMapping.TCP)),
                    OWN_NETNS, "127.0.0.1");
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.setSoTimeout(20_000);
                OutputStream out = client.getOutputStream();
                // Written while the server reads nothing back: the forwarder must not need the answer first.
                Thread writer = new Thread(() -> {
                    try {
                        out.write(data);
                        client.shutdownOutput();
                    } catch (IOException ignored) {
                        // Seen as a short answer below.
                    }
                });
                writer.start();
                InputStream in = client.getInputStream();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                in.transferTo(answer);
                writer.join();
                assertArrayEquals(data, answer.toByteArray());
            } finally {
                forwarder.close();
                echo.join(5000);
            }
        }
    }

    @Test
    void aPortInUse_isNamed_andClosingFreesThePortsAtOnce() throws Exception {
        assertEquals(0, Processes.effectiveUid(), "setns needs CAP_SYS_ADMIN");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int free = freePort();
            List<PortMapping> ports = List.of(new PortMapping("127.0.0.1", free, 80, 1, PortMapping.TCP),
                    new PortMapping("127.0.0.1", taken.getLocalPort(), 81, 1, PortMapping.TCP));
            PortInUseException inUse = assertThrows(PortInUseException.class,
                    () -> PortForwarder.start(ports, OWN_NETNS, "127.0.0.1"));
            assertTrue(inUse.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), inUse.getMessage());
            bindAndRelease(free);
        }
        int port = freePort();
        NetworkDriver.Connection forwarder = PortForwarder.start(
                List.of(new PortMapping("127.0.0.1", port, 80, 1, PortMapping.TCP)), OWN_NETNS, "127.0.0.1");
        // A connection accepted but not forwarded anywhere (nothing listens on the target) closes.
        try (Socket client = new Socket("127.0.0.1", port)) {
            assertEquals(-1, client.getInputStream().read());
        }
        forwarder.close();
        bindAndRelease(port);
    }

    @Test
    void udp_isRefused() {
        IOException refused = assertThrows(IOException.class, () -> PortForwarder.start(
                List.of(new PortMapping("127.0.0.1", freePort(), 53, 1, PortMapping.UDP)), OWN_NETNS, "127.0.0.1"));
        assertEquals(RootlessNetns.UDP_REFUSED, refused.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void bindAndRelease(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }
}
