package dev.vaina.it.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's real registry ({@code /usr/bin/docker-registry}, the CNCF distribution registry 2.8) on
 * 127.0.0.1 and a free port, with its storage in a temporary directory. Variants: plain HTTP, TLS with
 * a test CA, htpasswd Basic authentication and token authentication through a {@link TokenIssuer}.
 * Closing it stops the registry and the issuer and removes every file it made.
 *
 * <pre>
 * try (TestRegistry registry = TestRegistry.builder().tls().htpasswd("user", "secret").start()) {
 *     registry.host();   // "127.0.0.1:PORT"
 * }
 * </pre>
 */
public final class TestRegistry implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private final Process process;
    private final TestCertificates certificates;
    private final TokenIssuer tokenIssuer;
    private final String user;
    private final String password;

    private TestRegistry(Path dir, int port, Process process, TestCertificates certificates, TokenIssuer tokenIssuer,
            String user, String password) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.certificates = certificates;
        this.tokenIssuer = tokenIssuer;
        this.user = user;
        this.password = password;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A plain HTTP registry without authentication. */
    public static TestRegistry plain() {
        return builder().start();
    }

    /** "127.0.0.1:PORT", the registry part of an image reference. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return certificates != null;
    }

    /** http:// or https:// and the host, for curl and the JDK's HTTP client. */
    public String baseUrl() {
        return (tls() ? "https://" : "http://") + host();
    }

    /** {@code host()/name:tag}. */
    public String reference(String name, String tag) {
        return host() + "/" + name + ":" + tag;
    }

    /** The storage's root directory (the registry's {@code rootdirectory}). */
    public Path storage() {
        return dir.resolve("storage");
    }

    /** The test CA's certificate (PEM); fails for a registry without TLS. */
    public Path caCertificate() {
        if (certificates == null) {
            throw new IllegalStateException("the registry at " + host() + " does not use TLS");
        }
        return certificates.caCertificate();
    }

    /** The token issuer; fails for a registry without token authentication. */
    public TokenIssuer tokenIssuer() {
        if (tokenIssuer == null) {
            throw new IllegalStateException("the registry at " + host() + " does not use token authentication");
        }
        return tokenIssuer;
    }

    /** "user:password" of the registry's one account, or null when it needs none. */
    public String credentials() {
        return user == null ? null : user + ":" + password;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * The access-log lines (combined log format) of {@code method} requests whose line contains
     * {@code fragment}, e.g. {@code accessLines("GET", "/blobs/")}: what the registry was asked and answered.
     */
    public List<String> accessLines(String method, String fragment) {
        List<String> lines = new ArrayList<>();
        for (String line : log().split("\n")) {
            if (line.contains("\"" + method + " ") && line.contains(fragment) && line.contains(" HTTP/1.1\" ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** What the registry logged so far (for assertion messages). */
    public String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (tokenIssuer != null) {
            tokenIssuer.close();
        }
        Tools.deleteTree(dir);
    }

    /** The variants; each call adds to the registry's configuration. */
    public static final class Builder {
        private boolean tls;
        private String user;
        private String password;
        private boolean token;
        private boolean anonymousPull;
        private int port;

        private Builder() {
        }

        /**
         * Listens on {@code port} instead of a free one: for a registry that starts after its client,
         * at a port the test found with {@link #unusedPort()}.
         */
        public Builder port(int port) {
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
            this.port = port;
            return this;
        }

        /** HTTPS with a server certificate for IP 127.0.0.1 signed by a fresh test CA. */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /** Basic authentication against an htpasswd file (bcrypt, made by apache2-utils' htpasswd). */
        public Builder htpasswd(String user, String password) {
            this.user = user;
            this.password = password;
            this.token = false;
            return this;
        }

        /** Token authentication: a {@link TokenIssuer} that knows {@code user}; anonymous pulls if asked. */
        public Builder token(String user, String password, boolean anonymousPull) {
            this.user = user;
            this.password = password;
            this.token = true;
            this.anonymousPull = anonymousPull;
            return this;
        }

        public TestRegistry start() {
            requireTool(BINARY, "apt-get install docker-registry");
            Path dir = Tools.worldReadableTempDir("vaina-it-registry");
            try {
                if (port != 0) {
                    return startOnce(dir, port);
                }
                // A port taken between probing and binding makes the registry exit: try a few ports.
                IllegalStateException last = null;
                for (int attempt = 0; attempt < 5; attempt++) {
                    try {
                        return startOnce(dir, freePort());
                    } catch (PortTakenException e) {
                        last = e;
                    }
                }
                throw last;
            } catch (RuntimeException | Error e) {
                Tools.deleteTree(dir);
                throw e;
            }
        }

        private TestRegistry startOnce(Path dir, int port) {
            TestCertificates certificates = tls ? TestCertificates.create(dir) : null;
            TokenIssuer issuer = token ? TokenIssuer.start(user == null ? Map.of() : Map.of(user, password), anonymousPull, dir)
                    : null;
            StringBuilder config = new StringBuilder();
            config.append("version: 0.1\n");
            config.append("log:\n  level: info\n  accesslog:\n    disabled: false\n");
            config.append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("storage")).append('\n');
            config.append("  delete:\n    enabled: true\n");
            config.append("  maintenance:\n    uploadpurging:\n      enabled: false\n");
            config.append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
            config.append("  secret: vaina-test-secret\n");
            if (certificates != null) {
                config.append("  tls:\n    certificate: ").append(certificates.serverCertificate()).append('\n');
                config.append("    key: ").append(certificates.serverKey()).append('\n');
            }
            if (issuer != null) {
                config.append("auth:\n  token:\n    realm: ").append(issuer.realm()).append('\n');
                config.append("    service: ").append(TokenIssuer.SERVICE).append('\n');
                config.append("    issuer: ").append(TokenIssuer.ISSUER).append('\n');
                config.append("    rootcertbundle: ").append(issuer.certificateBundle()).append('\n');
            } else if (user != null) {
                Path htpasswd = dir.resolve("htpasswd");
                requireTool(Path.of("/usr/bin/htpasswd"), "apt-get install apache2-utils");
                String line = Tools.runOrFail(Duration.ofSeconds(30), "htpasswd", "-Bbn", user, password).stdout().strip();
                Tools.writeWorldReadable(htpasswd, line + "\n");
                config.append("auth:\n  htpasswd:\n    realm: vaina-test-realm\n    path: ").append(htpasswd).append('\n');
            }
            Path configFile = Tools.writeWorldReadable(dir.resolve("config.yml"), config.toString());
            Path log = dir.resolve("registry.log");
            Process process;
            try {
                Files.createDirectories(dir.resolve("storage"));
                process = new ProcessBuilder(BINARY.toString(), "serve", configFile.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            } catch (IOException e) {
                if (issuer != null) {
                    issuer.close();
                }
                throw new UncheckedIOException("could not start " + BINARY, e);
            }
            TestRegistry registry = new TestRegistry(dir, port, process, certificates, issuer, user, password);
            try {
                registry.awaitReady(log);
                return registry;
            } catch (RuntimeException e) {
                registry.stopOnly();
                throw e;
            }
        }
    }

    private void stopOnly() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (tokenIssuer != null) {
            tokenIssuer.close();
        }
    }

    /** Waits, bounded, until GET /v2/ answers (200, or 401 for a registry that wants credentials). */
    private void awaitReady(Path log) {
        HttpClient client = httpClient();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String lastProblem = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String text = log();
                if (text.contains("address already in use")) {
                    throw new PortTakenException(text);
                }
                throw new IllegalStateException("the registry exited with " + process.exitValue()
                        + " before answering on " + host() + "\n--- its log ---\n" + text);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return;
                }
                lastProblem = "GET /v2/ answered " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the registry", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the registry", e);
            }
        }
        throw new IllegalStateException("the registry did not answer GET " + baseUrl() + "/v2/ within "
                + STARTUP.toSeconds() + "s (" + lastProblem + ")\n--- its log ---\n" + log());
    }

    /** A JDK HTTP client that trusts this registry's test CA (and only it) when the registry uses TLS. */
    public HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls()) {
            try (var in = Files.newInputStream(caCertificate())) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                trust.setCertificateEntry("vaina-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trust);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                builder.sslContext(context);
            } catch (Exception e) {
                throw new IllegalStateException("could not trust the test CA " + caCertificate() + ": " + e, e);
            }
        }
        return builder.build();
    }

    /** Arguments for skopeo to push to or read from this registry: TLS verification, credentials. */
    List<String> skopeoDestinationOptions() {
        List<String> options = new ArrayList<>();
        options.add("--dest-tls-verify=false");
        if (user != null) {
            options.add("--dest-creds=" + credentials());
        }
        return options;
    }

    /** A port on 127.0.0.1 where nothing listens right now: a registry that is down. */
    public static int unusedPort() {
        return freePort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port on 127.0.0.1", e);
        }
    }

    private static void requireTool(Path tool, String install) {
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(tool + " is missing: " + install + " (scripts/debian-packages.txt lists it)");
        }
    }

    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String log) {
            super("the registry's port was taken before it could bind it\n--- its log ---\n" + log);
        }
    }
}
