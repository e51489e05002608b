package dev.vaina.image.registry;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's answer to one request: its status, its headers (keyed case-insensitively) and its body, which the
 * receiver reads and closes. {@link #uri()} is the request's, against which a Location is resolved.
 */
record HttpAnswer(URI uri, int statusCode, Map<String, List<String>> headers, InputStream body) {
    Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
