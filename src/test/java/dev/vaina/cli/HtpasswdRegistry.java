package dev.vaina.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real distribution registry (Debian's docker-registry) on 127.0.0.1 over plain HTTP, with basic auth from
 * an htpasswd file (bcrypt, made by apache2-utils' htpasswd) holding one user.
 */
final class HtpasswdRegistry implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");

    private final Process process;
    private final String host;
    private final Path log;

    private HtpasswdRegistry(Process process, String host, Path log) {
        this.process = process;
        this.host = host;
        this.log = log;
    }

    static HtpasswdRegistry start(Path dir, String user, String password) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: apt-get install docker-registry to run this test");
        }
        if (!Files.isExecutable(HTPASSWD)) {
            throw new AssertionError(HTPASSWD + " is missing: apt-get install apache2-utils to run this test");
        }
        Path passwords = dir.resolve("htpasswd");
        Process htpasswd = new ProcessBuilder(HTPASSWD.toString(), "-Bbc", passwords.toString(), user, password)
                .redirectErrorStream(true).start();
        String htpasswdOutput = new String(htpasswd.getInputStream().readAllBytes());
        if (htpasswd.waitFor() != 0) {
            throw new AssertionError("htpasswd failed: " + htpasswdOutput);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String host = "127.0.0.1:" + port;
        Path config = dir.resolve("registry.yml");
        Files.writeString(config, String.join("\n", List.of(
                "version: 0.1",
                "log:",
                "  level: warn",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + dir.resolve("data"),
                "http:",
                "  addr: " + host,
                "auth:",
                "  htpasswd:",
                "    realm: vaina-test",
                "    path: " + passwords)) + "\n");
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HtpasswdRegistry registry = new HtpasswdRegistry(process, host, log);
        registry.awaitChallenge();
        return registry;
    }

    String host() {
        return host;
    }

    /** Ready once /v2/ answers 401 (it asks for credentials). */
    private void awaitChallenge() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new AssertionError("docker-registry on " + host + " did not answer within 15 s: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
