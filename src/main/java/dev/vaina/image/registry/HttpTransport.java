package dev.vaina.image.registry;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Requests over HTTP/1.1, written and read by vaina itself on the JDK's sockets ({@link HttpConnection}), one at a
 * time per connection; a connection whose answer was read to its end is kept for the next request to the same
 * host. Neither java.net.http's client (its selector thread and about 1300 classes: some 60 ms of a warm pull) nor
 * java.net's URL connections: finding a URL's handler asks a ServiceLoader, which opens vaina.jar, and the
 * connection sets a logger and regular expressions up; together about 15 ms of a warm pull, whose own work is a
 * request or two. No proxy (registries are reached directly), no redirect followed (the caller decides what
 * travels to another host), no cache.
 */
final class HttpTransport {
    /** Idle connections kept per host: a pull downloads a few layers at once. */
    private static final int IDLE_PER_HOST = 6;

    /** Null for a transport that speaks plain HTTP only. */
    private final SSLSocketFactory tls;
    private final boolean checkHostNames;
    private final Map<String, Deque<HttpConnection>> idle = new HashMap<>();

    private HttpTransport(SSLSocketFactory tls, boolean checkHostNames) {
        this.tls = tls;
        this.checkHostNames = checkHostNames;
    }

    static HttpTransport plain() {
        return new HttpTransport(null, false);
    }

    /** @param checkHostNames false for {@code --tls-verify=false}: any certificate for any name */
    static HttpTransport tls(SSLContext context, boolean checkHostNames) {
        return new HttpTransport(context.getSocketFactory(), checkHostNames);
    }

    boolean speaksTls() {
        return tls != null;
    }

    HttpAnswer exchange(String method, URI uri, Map<String, String> headers, RequestBody body) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (https && tls == null) {
            throw new IllegalStateException("a plain-HTTP registry transport was asked for " + uri);
        }
        if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http or https address: " + uri);
        }
        byte[] head = HttpConnection.requestHead(method, uri, headers, body);
        String key = HttpConnection.key(uri);
        HttpConnection kept = takeIdle(key);
        if (kept != null) {
            try {
                return kept.exchange(method, uri, head, body);
            } catch (HttpConnection.StaleException e) {
                // The host closed the kept connection before this request: the same request on a new one.
                kept.close();
            }
        }
        HttpConnection fresh = HttpConnection.open(this, uri, https ? tls : null, checkHostNames);
        try {
            return fresh.exchange(method, uri, head, body);
        } catch (HttpConnection.StaleException e) {
            fresh.close();
            if (e.getCause() instanceof IOException cause) {
                throw cause;
            }
            throw new IOException(uri.getAuthority() + " closed the connection without answering", e);
        }
    }

    private synchronized HttpConnection takeIdle(String key) {
        Deque<HttpConnection> connections = idle.get(key);
        return connections == null ? null : connections.pollFirst();
    }

    /** An answer was read to its end on a connection the host keeps open: the next request may use it. */
    void keep(HttpConnection connection) {
        synchronized (this) {
            Deque<HttpConnection> connections = idle.get(connection.key());
            if (connections == null) {
                connections = new ArrayDeque<>();
                idle.put(connection.key(), connections);
            }
            if (connections.size() < IDLE_PER_HOST) {
                connections.addFirst(connection);
                return;
            }
        }
        connection.close();
    }
}
