package dev.vaina.image.registry;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token realm of the distribution spec's token authentication, for a real docker-registry run with
 * {@code auth: token}: it checks Basic credentials and signs RS256 JWTs with a key made by openssl, the
 * certificate in the JWT header's x5c and in the registry's rootcertbundle. Anonymous requests get a token
 * without access, as public token services do for private repositories.
 */
final class TokenServer implements AutoCloseable {
    static final String SERVICE = "vaina-test-registry";
    static final String ISSUER = "vaina-test-issuer";

    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate cert;
    private final String user;
    private final String password;
    final AtomicInteger requests = new AtomicInteger();
    final List<String> scopes = new ArrayList<>();
    volatile boolean useAccessTokenField;
    volatile int expiresIn = 300;

    private TokenServer(HttpServer server, PrivateKey key, X509Certificate cert, String user, String password) {
        this.server = server;
        this.key = key;
        this.cert = cert;
        this.user = user;
        this.password = password;
    }

    /** Makes a key and a self-signed certificate in {@code dir} (cert.pem for the registry) and starts serving. */
    static TokenServer start(Path dir, String user, String password) throws Exception {
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("key.pem");
        Path certFile = dir.resolve("cert.pem");
        Openssl.run(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile.toString(), "-out",
                certFile.toString(), "-days", "2", "-subj", "/CN=vaina test token signer");
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        X509Certificate cert;
        try (var in = Files.newInputStream(certFile)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TokenServer tokens = new TokenServer(server, key, cert, user, password);
        server.createContext("/token", tokens::handle);
        server.start();
        return tokens;
    }

    Path certFile(Path dir) {
        return dir.resolve("cert.pem");
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The registry config's auth section for this realm. */
    String registryAuthConfig(Path dir) {
        return "auth:\n  token:\n    realm: " + realm() + "\n    service: " + SERVICE + "\n    issuer: " + ISSUER
                + "\n    rootcertbundle: " + certFile(dir) + "\n";
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authenticated = false;
            if (authorization != null) {
                String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
                if (!authorization.equals(expected)) {
                    reply(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
                    return;
                }
                authenticated = true;
            }
            List<Object> access = new ArrayList<>();
            for (String scope : query.getOrDefault("scope", List.of())) {
                synchronized (scopes) {
                    scopes.add(scope);
                }
                String[] parts = scope.split(":");
                if (authenticated && parts.length == 3 && parts[0].equals("repository")) {
                    access.add(Map.of("type", "repository", "name", parts[1], "actions", List.of(parts[2].split(","))));
                }
            }
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("sub", authenticated ? user : "");
            claims.put("aud", query.getOrDefault("service", List.of(SERVICE)).get(0));
            claims.put("exp", now + Math.max(expiresIn, 60)); // the registry's own check; the client obeys expires_in
            claims.put("nbf", now - 10);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("access", access);
            String token = sign(claims);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(useAccessTokenField ? "access_token" : "token", token);
            body.put("expires_in", expiresIn);
            body.put("issued_at", Instant.now().toString());
            reply(exchange, 200, JSON.std.asString(body));
        } catch (Exception e) {
            reply(exchange, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    private String sign(Map<String, Object> claims) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("x5c", List.of(Base64.getEncoder().encodeToString(cert.getEncoded())));
        String signingInput = url.encodeToString(JSON.std.asBytes(header)) + "." + url.encodeToString(JSON.std.asBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(rsa.sign());
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
