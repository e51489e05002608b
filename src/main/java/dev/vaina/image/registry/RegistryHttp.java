package dev.vaina.image.registry;

import dev.vaina.spec.json.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * The HTTP side of one registry: which scheme answers, which authentication it wants, tokens per scope,
 * redirects, retries of transient failures, and error messages that say what was tried. The endpoint classes
 * ({@link ManifestPuller}, {@link BlobPuller}, ...) build requests on top of it.
 */
final class RegistryHttp {
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** Tokens are renewed this long before they expire, so a request never carries one that just ran out. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(5);

    private final RegistryEndpoint endpoint;
    private final CredentialsProvider credentialsProvider;
    private final RetryPolicy retry;
    private final List<Path> certsRoots;
    private final PlainHttpRegistries plainHttpRegistries;
    /** One transport per scheme, each made when a request first needs it: a plain-HTTP registry sets no TLS up. */
    private HttpTransport tlsTransport;
    private HttpTransport plainTransport;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile String scheme;
    private volatile AuthChallenge challenge;
    private volatile Optional<Credentials> credentials;

    RegistryHttp(RegistryEndpoint endpoint, CredentialsProvider credentialsProvider, RetryPolicy retry,
            List<Path> certsRoots, PlainHttpRegistries plainHttpRegistries) throws IOException {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.certsRoots = List.copyOf(certsRoots);
        this.plainHttpRegistries = Objects.requireNonNull(plainHttpRegistries, "plainHttpRegistries");
        if (!endpoint.plainHttp()) {
            // a registry reached over https only: its certificates are read now, so a bad one is reported as such
            tlsTransport = tlsTransport();
        }
    }

    private HttpTransport tlsTransport() throws IOException {
        return HttpTransport.tls(RegistryTls.context(endpoint, certsRoots), endpoint.tlsVerify());
    }

    private synchronized HttpTransport transport(URI uri) throws IOException {
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            if (tlsTransport == null) {
                tlsTransport = tlsTransport();
            }
            return tlsTransport;
        }
        if (plainTransport == null) {
            plainTransport = HttpTransport.plain();
        }
        return plainTransport;
    }

    /** Whether this registry's TLS was set up: only for a registry asked over https. */
    synchronized boolean setUpTls() {
        return tlsTransport != null;
    }

    RegistryEndpoint endpoint() {
        return endpoint;
    }

    RetryPolicy retry() {
        return retry;
    }

    /**
     * Finds the scheme that answers (https; then http for an insecure registry) and the authentication the
     * registry asks for. With credentials, also checks that the registry accepts them.
     */
    synchronized void ping() throws IOException {
        if (scheme == null) {
            HttpAnswer response = pingScheme();
            if (response.statusCode() == 401) {
                challenge = AuthChallenge.choose(response.headers("WWW-Authenticate")).orElse(null);
            }
        }
        Optional<Credentials> creds = credentials();
        if (creds.isEmpty() || challenge == null) {
            return;
        }
        String what = "log in to " + endpoint.host();
        if (challenge.isBearer()) {
            fetchToken(null, what); // the token service is what checks the password
        } else {
            send("GET", uri("/v2/"), null, Map.of(), RequestBody.NONE, Set.of(), what).body().close();
        }
    }

    /**
     * https first; then, for an insecure registry, http. An insecure registry remembered as answering plain HTTP
     * is asked over http first, and over https (then forgotten) only when http fails.
     */
    private HttpAnswer pingScheme() throws IOException {
        IOException httpFailure = null;
        boolean remembered = endpoint.plainHttp() && plainHttpRegistries.contains(endpoint.apiHost());
        if (remembered) {
            try {
                return pingOnce("http");
            } catch (IOException e) {
                httpFailure = e;
            }
        }
        IOException httpsFailure;
        try {
            HttpAnswer response = pingOnce("https");
            if (remembered) {
                plainHttpRegistries.forget(endpoint.apiHost());
            }
            return response;
        } catch (IOException e) {
            httpsFailure = e;
        }
        if (endpoint.plainHttp() && httpFailure == null) {
            try {
                HttpAnswer response = pingOnce("http");
                plainHttpRegistries.remember(endpoint.apiHost());
                return response;
            } catch (IOException e) {
                httpFailure = e;
            }
        }
        if (httpFailure != null) {
            httpFailure.addSuppressed(httpsFailure);
            throw new RegistryException("Tried to ping registry " + endpoint.host() + " but failed because: "
                    + describe(httpsFailure, "https") + "; and over http: " + describe(httpFailure, "http"), httpFailure);
        }
        throw new RegistryException("Tried to ping registry " + endpoint.host() + " but failed because: "
                + describe(httpsFailure, "https"), httpsFailure);
    }

    /** The ping over {@code answering}; the scheme every later request uses once the registry answers it. */
    private HttpAnswer pingOnce(String answering) throws IOException {
        URI uri = URI.create(answering + "://" + endpoint.apiHost() + "/v2/");
        for (int attempt = 0; ; attempt++) {
            try {
                HttpAnswer response = exchange("GET", uri, Map.of(), RequestBody.NONE);
                response.body().close();
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    scheme = answering;
                    return response;
                }
                if (!isTransient(response.statusCode()) || attempt >= retry.attempts()) {
                    throw new IOException(uri + " answered HTTP " + response.statusCode() + ": not a registry (API v2)");
                }
            } catch (SSLException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= retry.attempts()) {
                    throw e;
                }
            }
            pause(attempt + 1);
        }
    }

    /** Base URI plus {@code path} (starting with "/v2/"), pinging first when that has not happened yet. */
    URI uri(String path) throws IOException {
        if (scheme == null) {
            ping();
        }
        return URI.create(scheme + "://" + endpoint.apiHost() + path);
    }

    /**
     * Sends a request with the authorization for {@code scope} (e.g. {@code repository:a/b:pull}), following
     * redirects of GET and HEAD, answering one 401 with fresh authorization, retrying transient failures.
     * Returns 2xx responses and those whose status is in {@code accepted}; fails with a
     * {@link RegistryException} that starts "Tried to {@code what} but failed because:" otherwise.
     */
    HttpAnswer send(String method, URI uri, String scope, Map<String, String> headers,
            RequestBody body, Set<Integer> accepted, String what) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return sendOnce(method, uri, scope, headers, body, accepted, what);
            } catch (RegistryException e) {
                if (!isTransient(e.status()) || attempt >= retry.attempts()) {
                    throw e;
                }
            } catch (SSLException e) {
                throw failure(what, describe(e, uri.getScheme()), 0, e);
            } catch (IOException e) {
                if (attempt >= retry.attempts()) {
                    throw failure(what, describe(e, uri.getScheme()), 0, e);
                }
            }
            pause(attempt + 1);
        }
    }

    private HttpAnswer sendOnce(String method, URI uri, String scope, Map<String, String> headers,
            RequestBody body, Set<Integer> accepted, String what) throws IOException {
        boolean renewed = false;
        while (true) {
            Map<String, String> request = new LinkedHashMap<>(headers);
            Optional<String> authorization = authorization(scope, what);
            if (authorization.isPresent()) {
                request.put("Authorization", authorization.get());
            }
            HttpAnswer response = exchange(method, uri, request, body);
            int status = response.statusCode();
            if ((status >= 200 && status < 300) || accepted.contains(status)) {
                return response;
            }
            String detail = errorDetail(response);
            if (status == 401 && !renewed) {
                // the registry may name another scope or realm than the ping did; answer it once. A Basic
                // answer that was refused is not retried: the same password would be refused again.
                AuthChallenge fresh = AuthChallenge.choose(response.headers("WWW-Authenticate")).orElse(null);
                if (fresh != null && (authorization.isEmpty() || fresh.isBearer())) {
                    challenge = fresh;
                    if (scope != null) {
                        tokens.remove(scope);
                    }
                    renewed = true;
                    continue;
                }
            }
            if (status == 401) {
                throw new RegistryAuthenticationException("Tried to " + what + " but failed because: "
                        + (credentials().isPresent() ? "invalid username/password" : "authentication required")
                        + (detail.isEmpty() ? "" : " (" + detail + ")"));
            }
            throw failure(what, "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail), status, null);
        }
    }

    /** One request and its redirects (of GET and HEAD); no authorization travels to another host. */
    private HttpAnswer exchange(String method, URI uri, Map<String, String> headers, RequestBody body)
            throws IOException {
        URI current = uri;
        Map<String, String> sent = headers;
        for (int hop = 0; ; hop++) {
            HttpAnswer response = transport(current).exchange(method, current, sent, body);
            int status = response.statusCode();
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            Optional<String> location = response.header("Location");
            if (!redirect || location.isEmpty() || !(method.equals("GET") || method.equals("HEAD"))) {
                return response;
            }
            response.body().close();
            if (hop >= MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
            }
            URI next = current.resolve(location.get());
            if (!Objects.equals(next.getAuthority(), current.getAuthority())) {
                Map<String, String> kept = new LinkedHashMap<>(sent);
                for (Iterator<String> names = kept.keySet().iterator(); names.hasNext(); ) {
                    if (names.next().equalsIgnoreCase("Authorization")) {
                        names.remove();
                    }
                }
                sent = kept;
            }
            current = next;
        }
    }

    private Optional<String> authorization(String scope, String what) throws IOException {
        AuthChallenge current = challenge;
        if (current == null) {
            return Optional.empty();
        }
        if (current.isBasic()) {
            Optional<Credentials> credentials = credentials();
            return credentials.isPresent() ? Optional.of(credentials.get().basicAuthorization()) : Optional.empty();
        }
        if (current.isBearer()) {
            return Optional.of("Bearer " + token(scope, what));
        }
        throw new RegistryException("Tried to " + what + " but failed because: the registry asks for \""
                + current.scheme() + "\" authentication, and vaina speaks only Bearer and Basic");
    }

    private String token(String scope, String what) throws IOException {
        String key = scope == null ? "" : scope;
        Token cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.value();
        }
        Token fresh = fetchToken(scope, what);
        tokens.put(key, fresh);
        return fresh.value();
    }

    private Token fetchToken(String scope, String what) throws IOException {
        AuthChallenge current = challenge;
        String realm = current.parameter("realm").orElse(null);
        if (realm == null) {
            throw new RegistryException("Tried to " + what + " but failed because: the registry's Bearer challenge names "
                    + "no realm");
        }
        StringBuilder query = new StringBuilder();
        String service = current.parameter("service").orElse(null);
        if (service != null) {
            appendQuery(query, "service", service);
        }
        if (scope != null) {
            // several scopes (a push that mounts from another repository) are several scope parameters
            for (String one : scope.split(" ")) {
                appendQuery(query, "scope", one);
            }
        }
        URI uri;
        try {
            uri = URI.create(realm + (query.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + query));
        } catch (IllegalArgumentException e) {
            throw new RegistryException("Tried to " + what + " but failed because: the token realm \"" + realm
                    + "\" is not a URL", e);
        }
        Optional<Credentials> creds = credentials();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpAnswer response = exchange("GET", uri,
                        creds.isPresent() ? Map.of("Authorization", creds.get().basicAuthorization()) : Map.of(),
                        RequestBody.NONE);
                int status = response.statusCode();
                if (status == 401 || status == 403) {
                    String detail = errorDetail(response);
                    throw new RegistryAuthenticationException("Tried to " + what + " but failed because: "
                            + (creds.isPresent() ? "invalid username/password" : "authentication required")
                            + " (token service " + uri.getAuthority() + " answered HTTP " + status
                            + (detail.isEmpty() ? "" : ": " + detail) + ")");
                }
                if (status != 200) {
                    String detail = errorDetail(response);
                    throw failure(what, "the token service " + realm + " answered HTTP " + status
                            + (detail.isEmpty() ? "" : ": " + detail), status, null);
                }
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readNBytes(1 << 20);
                }
                return parseToken(body, what);
            } catch (RegistryException e) {
                if (!isTransient(e.status()) || attempt >= retry.attempts()) {
                    throw e;
                }
            } catch (SSLException e) {
                throw failure(what, "token service " + realm + ": " + describe(e, uri.getScheme()), 0, e);
            } catch (IOException e) {
                if (attempt >= retry.attempts()) {
                    throw failure(what, "token service " + realm + ": " + describe(e, uri.getScheme()), 0, e);
                }
            }
            pause(attempt + 1);
        }
    }

    private static Token parseToken(byte[] body, String what) throws IOException {
        Map<String, Object> json;
        try {
            json = JsonInput.parseObject(body, "the token service's answer");
        } catch (IOException | RuntimeException e) {
            throw new RegistryException("Tried to " + what + " but failed because: the token service's answer is not JSON", e);
        }
        Object token = json.get("token") instanceof String ? json.get("token") : json.get("access_token");
        if (!(token instanceof String) || ((String) token).isEmpty()) {
            throw new RegistryException("Tried to " + what + " but failed because: the token service's answer has no token");
        }
        long lifetime = json.get("expires_in") instanceof Number ? ((Number) json.get("expires_in")).longValue() : 0;
        if (lifetime <= 0) {
            lifetime = 60; // the distribution spec's default
        }
        Instant issued = Instant.now();
        if (json.get("issued_at") instanceof String) {
            try {
                Instant claimed = OffsetDateTime.parse((String) json.get("issued_at")).toInstant();
                // a clock far off ours would make the token look expired at once; trust only earlier stamps
                if (claimed.isBefore(issued)) {
                    issued = claimed;
                }
            } catch (DateTimeParseException ignored) {
                // the stamp is advisory; the lifetime counts from now instead
            }
        }
        Duration margin = TOKEN_MARGIN.compareTo(Duration.ofSeconds(lifetime).dividedBy(2)) < 0
                ? TOKEN_MARGIN : Duration.ofSeconds(lifetime).dividedBy(2);
        return new Token((String) token, issued.plusSeconds(lifetime).minus(margin));
    }

    private Optional<Credentials> credentials() {
        Optional<Credentials> known = credentials;
        if (known == null) {
            known = credentialsProvider.find(endpoint.host());
            credentials = known;
        }
        return known;
    }

    RegistryException failure(String what, String reason, int status, Throwable cause) {
        return new RegistryException("Tried to " + what + " but failed because: " + reason, status, cause);
    }

    /** The registry's own error code and message, from the distribution spec's error body. */
    static String errorDetail(HttpAnswer response) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return "";
        }
        try {
            Object errors = JsonInput.parseObject(body, "the registry's answer").get("errors");
            if (errors instanceof List && !((List<?>) errors).isEmpty() && ((List<?>) errors).get(0) instanceof Map) {
                Map<?, ?> first = (Map<?, ?>) ((List<?>) errors).get(0);
                Object code = first.get("code");
                Object message = first.get("message");
                String codeText = code == null ? "" : code.toString().toLowerCase().replace('_', ' ');
                if (message != null && !message.toString().equalsIgnoreCase(codeText)) {
                    return codeText.isEmpty() ? message.toString() : codeText + ": " + message;
                }
                return codeText;
            }
        } catch (IOException | RuntimeException e) {
            // not the spec's error body: fall through to the raw text
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    private String describe(IOException e, String scheme) {
        if (e instanceof ConnectException) {
            return "cannot connect to " + endpoint.host() + " over " + scheme + ": connection refused";
        }
        if (e instanceof SSLException) {
            return "TLS handshake with " + endpoint.host() + " failed: " + e.getMessage()
                    + " (add the registry's CA certificate to certs.d/" + endpoint.host()
                    + "/ or use --tls-verify=false)";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "no answer from " + endpoint.host() + " over " + scheme + " (timed out)";
        }
        String message = e.getMessage();
        return (message == null ? e.getClass().getSimpleName() : message) + " (" + scheme + "://" + endpoint.apiHost() + ")";
    }

    void pause(int retryNumber) throws InterruptedIOException {
        try {
            Thread.sleep(retry.delayBefore(retryNumber).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a request to " + endpoint.host());
        }
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private record Token(String value, Instant expires) {
    }
}
