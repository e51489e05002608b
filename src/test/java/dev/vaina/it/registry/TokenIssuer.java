package dev.vaina.it.registry;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small token server in the style of the distribution spec's token authentication, on 127.0.0.1:
 * {@code GET /token?service=S&scope=repository:NAME:pull,push} with Basic credentials (or without, when
 * anonymous pulls are allowed) answers {@code {"token": JWT, "expires_in": 300}}. The JWT is RS256-signed
 * with a key whose self-signed certificate is in the {@code x5c} header and in the registry's
 * rootcertbundle, which is how the real registry verifies it. Bad credentials get 401. Every request
 * is counted, so tests can check that a client reuses its token.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String SERVICE = "vaina-test-registry";
    public static final String ISSUER = "vaina-test-token-issuer";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, String> users;
    private final boolean anonymousPull;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Path certificateFile;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private final List<String> scopes = Collections.synchronizedList(new ArrayList<>());
    private volatile int expiresIn = 300;
    private volatile boolean accessTokenField;

    private TokenIssuer(Map<String, String> users, boolean anonymousPull, Path dir) throws Exception {
        this.users = Map.copyOf(users);
        this.anonymousPull = anonymousPull;
        Path[] pair = TestCertificates.selfSignedSigningPair(dir, ISSUER);
        this.key = readPkcs8Key(pair[0]);
        this.certificateFile = pair[1];
        try (var in = Files.newInputStream(pair[1])) {
            this.certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** Starts an issuer that knows {@code users} (name to password); {@code dir} receives its key and certificate. */
    public static TokenIssuer start(Map<String, String> users, boolean anonymousPull, Path dir) {
        try {
            return new TokenIssuer(users, anonymousPull, dir);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the token issuer: " + e, e);
        }
    }

    /** The realm to put in the registry's configuration: {@code http://127.0.0.1:PORT/token}. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The certificate (PEM) the registry must trust: its rootcertbundle. */
    public Path certificateBundle() {
        return certificateFile;
    }

    /** How many token requests arrived so far, answered or refused. */
    public int requestCount() {
        return requests.get();
    }

    /** One line per request so far ("GET scope=... user=..."), for assertion messages. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    /** Every {@code scope} parameter received so far, as sent ("repository:NAME:pull,push"). */
    public List<String> scopes() {
        synchronized (scopes) {
            return List.copyOf(scopes);
        }
    }

    /**
     * The {@code expires_in} of the next tokens (300 s until changed). The JWT itself stays valid for at
     * least a minute, so only a client that obeys {@code expires_in} asks again sooner.
     */
    public void expiresIn(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("expires_in must be positive: " + seconds);
        }
        this.expiresIn = seconds;
    }

    /** Answer {@code access_token} (the OAuth2 name, which the spec allows too) instead of {@code token}. */
    public void useAccessTokenField(boolean accessTokenField) {
        this.accessTokenField = accessTokenField;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            Map<String, List<String>> query = parseForm(exchange.getRequestURI().getRawQuery());
            String user = null;
            String password = null;
            if ("POST".equals(exchange.getRequestMethod())) {
                // OAuth2 password grant, as some clients use it instead of GET with Basic credentials.
                Map<String, List<String>> form = parseForm(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                form.forEach((k, v) -> query.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                user = first(form, "username");
                password = first(form, "password");
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                user = colon < 0 ? decoded : decoded.substring(0, colon);
                password = colon < 0 ? "" : decoded.substring(colon + 1);
            }
            List<String> scopes = query.getOrDefault("scope", List.of());
            this.scopes.addAll(scopes);
            requestLog.add(exchange.getRequestMethod() + " scope=" + scopes + " user=" + user);
            if (user != null && !password.equals(users.get(user))) {
                respond(exchange, 401, Map.of("errors", List.of(Map.of("code", "UNAUTHORIZED",
                        "message", "incorrect username or password"))));
                return;
            }
            if (!SERVICE.equals(first(query, "service"))) {
                respond(exchange, 400, Map.of("errors", List.of(Map.of("code", "INVALID_REQUEST",
                        "message", "unknown service " + first(query, "service")))));
                return;
            }
            List<Map<String, Object>> access = new ArrayList<>();
            for (String scope : scopes) {
                for (String one : scope.split(" ")) {
                    Map<String, Object> granted = grant(one, user != null);
                    if (granted != null) {
                        access.add(granted);
                    }
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            int lifetime = expiresIn;
            body.put(accessTokenField ? "access_token" : "token", sign(user == null ? "" : user, access, lifetime));
            body.put("expires_in", lifetime);
            body.put("issued_at", Instant.now().toString());
            respond(exchange, 200, body);
        } catch (Exception e) {
            respond(exchange, 500, Map.of("errors", List.of(Map.of("code", "UNKNOWN", "message", e.toString()))));
        }
    }

    /** What {@code scope} (type:name:actions) grants: everything to a known user, pull to anyone if allowed. */
    private Map<String, Object> grant(String scope, boolean authenticated) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first < 0 || last <= first) {
            return null;
        }
        List<String> actions = new ArrayList<>();
        for (String action : scope.substring(last + 1).split(",")) {
            if (authenticated || (anonymousPull && action.equals("pull"))) {
                actions.add(action);
            }
        }
        Map<String, Object> granted = new LinkedHashMap<>();
        granted.put("type", scope.substring(0, first));
        granted.put("name", scope.substring(first + 1, last));
        granted.put("actions", actions);
        return granted;
    }

    private String sign(String subject, List<Map<String, Object>> access, int lifetime) throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("aud", SERVICE);
        claims.put("exp", now + Math.max(lifetime, 60)); // the registry's own check; clients obey expires_in
        claims.put("nbf", now - 10);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        String signingInput = URL.encodeToString(JSON.std.asBytes(header)) + "." + URL.encodeToString(JSON.std.asBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(signature.sign());
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.std.asBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static PrivateKey readPkcs8Key(Path pem) throws Exception {
        String text = Files.readString(pem);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException(pem + " is not a PKCS#8 PEM key");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
