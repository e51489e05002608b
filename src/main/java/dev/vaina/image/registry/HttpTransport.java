package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * One request at a time over HTTP/1.1, through java.net's {@link HttpURLConnection} (connections kept alive and
 * reused per host by the JDK). Not java.net.http's client: a command makes a few requests, and that client's
 * set-up (its selector thread, about 1300 classes) cost a warm pull about 60 ms of its 145, against some 10 for
 * this one. No proxy (as before: registries are reached directly), no redirect followed (the caller decides what
 * travels to another host), no cache.
 */
final class HttpTransport {
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;

    /** Null for a transport that speaks plain HTTP only. */
    private final SSLSocketFactory tls;
    private final boolean checkHostNames;

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
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        if (connection instanceof HttpsURLConnection https) {
            if (tls == null) {
                throw new IllegalStateException("a plain-HTTP registry transport was asked for " + uri);
            }
            https.setSSLSocketFactory(tls);
            if (!checkHostNames) {
                https.setHostnameVerifier((host, session) -> true);
            }
        }
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        if (method.equals("POST") || method.equals("PUT")) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length());
            try (OutputStream out = connection.getOutputStream()) {
                body.writeTo(out);
            }
        }
        int status = connection.getResponseCode();
        if (status < 0) {
            throw new IOException(uri.getAuthority() + " answered with no valid HTTP status line");
        }
        Map<String, List<String>> answerHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // the status line
                answerHeaders.put(name, values);
            }
        });
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        return new HttpAnswer(uri, status, answerHeaders, in == null ? InputStream.nullInputStream() : in);
    }
}
