package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transport's reading of HTTP/1.1 answers, against a server on 127.0.0.1 that answers each connection's requests
 * with written-out bytes: the framings a registry or a token server may use, connections kept or closed, and
 * answers that break off. The real registry's tests (PullTest, PushTest, RegistryAuthTest, RegistryTlsTest) speak
 * to Debian's docker-registry through the same transport.
 */
class HttpTransportTest {
    @Test
    void aChunkedAnswer_isReadWhole_andItsConnectionServesTheNextRequest() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer(List.of(List.of(chunked, chunked)))) {
            HttpTransport transport = HttpTransport.plain();
            assertEquals("hello world", body(transport.exchange("GET", server.uri("/a"), Map.of(), RequestBody.NONE)));
            HttpAnswer second = transport.exchange("GET", server.uri("/b?x=1"), Map.of("Accept", "*/*"), RequestBody.NONE);
            assertEquals(200, second.statusCode());
            assertEquals("text/plain", second.header("content-type").orElseThrow());
            assertEquals("hello world", body(second));
            assertEquals(1, server.connections());
            assertTrue(server.requests().get(1).startsWith("GET /b?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()),
                    server.requests().get(1));
            assertTrue(server.requests().get(1).contains("\r\nAccept: */*\r\n"), server.requests().get(1));
        }
    }

    @Test
    void aShortBodyClosedUnread_leavesItsConnectionForTheNextRequest() throws Exception {
        // A ping's answer, whose body no one reads, then the answer the next request reads.
        String ping = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}";
        String answer = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        try (ScriptedServer server = new ScriptedServer(List.of(List.of(ping, answer)))) {
            HttpTransport transport = HttpTransport.plain();
            HttpAnswer first = transport.exchange("GET", server.uri("/v2/"), Map.of(), RequestBody.NONE);
            assertEquals(200, first.statusCode());
            first.body().close();
            // On a new connection the server would never answer: bounded, so that the test fails instead.
            assertEquals("hello", assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> body(transport.exchange("GET", server.uri("/v2/x"), Map.of(), RequestBody.NONE))));
            assertEquals(1, server.connections());
        }
    }

    @Test
    void aKeptConnectionTheHostClosed_theRequestGoesAgainOnANewOne() throws Exception {
        String answer = "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok";
        // The first connection answers once and is closed by the host; the transport kept it all the same.
        try (ScriptedServer server = new ScriptedServer(List.of(List.of(answer), List.of(answer)))) {
            HttpTransport transport = HttpTransport.plain();
            assertEquals("ok", body(transport.exchange("GET", server.uri("/"), Map.of(), RequestBody.NONE)));
            server.awaitConnectionsDone(1);
            HttpAnswer put = transport.exchange("PUT", server.uri("/upload"), Map.of(),
                    RequestBody.of("data".getBytes(StandardCharsets.UTF_8)));
            assertEquals(201, put.statusCode());
            assertEquals("ok", body(put));
            assertEquals(2, server.connections());
            assertTrue(server.requests().get(1).endsWith("Content-Length: 4\r\n\r\ndata"), server.requests().get(1));
        }
    }

    @Test
    void anAnswerCutShort_isAnIOException_asABrokenTransferIs() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(List.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")))) {
            HttpAnswer answer = HttpTransport.plain().exchange("GET", server.uri("/blob"), Map.of(), RequestBody.NONE);
            IOException broken = assertThrows(IOException.class, () -> answer.body().readAllBytes());
            assertTrue(broken.getMessage().contains("closed the connection 7 bytes before the end of its answer"),
                    broken.getMessage());
        }
    }

    @Test
    void anAnswerThatIsNotHttp_saysSo() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(List.of("SSH-2.0-OpenSSH_9.2\r\n\r\n")))) {
            IOException error = assertThrows(IOException.class,
                    () -> HttpTransport.plain().exchange("GET", server.uri("/v2/"), Map.of(), RequestBody.NONE));
            assertEquals("127.0.0.1:" + server.port() + " answered with no valid HTTP status line", error.getMessage());
        }
    }

    @Test
    void aHeadAnswer_hasNoBody_andAnHttp10AnswerEndsWithItsConnection() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nDocker-Content-Digest: sha256:x\r\n\r\n";
        String old = "HTTP/1.0 404 Not Found\r\n\r\nnot here";
        try (ScriptedServer server = new ScriptedServer(List.of(List.of(head, old)))) {
            HttpTransport transport = HttpTransport.plain();
            HttpAnswer answer = transport.exchange("HEAD", server.uri("/blob"), Map.of(), RequestBody.NONE);
            assertEquals("", body(answer));
            assertEquals("sha256:x", answer.header("docker-content-digest").orElseThrow());
            HttpAnswer missing = transport.exchange("GET", server.uri("/other"), Map.of(), RequestBody.NONE);
            assertEquals(404, missing.statusCode());
            assertEquals("not here", body(missing));
            assertEquals(1, server.connections());
        }
    }

    @Test
    void aHeaderThatWouldEndItsLine_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> HttpTransport.plain().exchange("GET",
                URI.create("http://127.0.0.1:9/"), Map.of("Authorization", "Bearer x\r\nEvil: 1"), RequestBody.NONE));
    }

    private static String body(HttpAnswer answer) throws IOException {
        try (InputStream in = answer.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Answers the n-th connection's requests with the n-th list's answers, one per request, then closes it. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private int connections;
        private int done;

        ScriptedServer(List<List<String>> script) throws IOException {
            thread = new Thread(() -> serve(script), "scripted-http");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        int port() {
            return server.getLocalPort();
        }

        synchronized int connections() {
            return connections;
        }

        List<String> requests() {
            return requests;
        }

        synchronized void awaitConnectionsDone(int count) throws InterruptedException {
            while (done < count) {
                wait(10_000);
            }
        }

        private void serve(List<List<String>> script) {
            for (List<String> answers : script) {
                try (Socket socket = server.accept()) {
                    synchronized (this) {
                        connections++;
                    }
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    for (String answer : answers) {
                        requests.add(readRequest(in));
                        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
                synchronized (this) {
                    done++;
                    notifyAll();
                }
            }
        }

        /** A request's head, and its body when it says how long that is. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("the client closed the connection");
                }
                bytes.write(c);
            }
            String head = bytes.toString(StandardCharsets.ISO_8859_1);
            int at = head.indexOf("Content-Length: ");
            if (at >= 0) {
                int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)));
                bytes.write(in.readNBytes(length));
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
