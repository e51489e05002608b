package dev.vaina.cli;

import dev.vaina.image.naming.CredentialCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest real credential check, for these tests only: GET /v2/ with basic auth against a registry
 * that uses basic auth. The registry client's check (token auth, challenges) replaces it in vaina itself.
 */
final class BasicAuthCheck implements CredentialCheck {
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean lastTlsVerify;

    @Override
    public void check(String registryHost, boolean tlsVerify, String user, String password) throws IOException {
        calls.incrementAndGet();
        lastTlsVerify = tlsVerify;
        String scheme = tlsVerify ? "https" : "http";
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + "://" + registryHost + "/v2/"))
                .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
