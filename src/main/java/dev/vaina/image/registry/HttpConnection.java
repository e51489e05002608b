package dev.vaina.image.registry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One connection to a host, plain or TLS, over which requests go one after the other (RFC 9112): a request's
 * line and headers, its body for POST and PUT (its length given first), then the answer's status line and headers;
 * the answer's body is read by the caller through {@link HttpAnswerBody}, which hands the connection back to its
 * transport once that body has been read to its end.
 */
final class HttpConnection {
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    /** The longest status or header line taken, and the most header lines: a registry's are a few hundred bytes. */
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADER_LINES = 500;

    private final HttpTransport owner;
    private final String key;
    private final String authority;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private HttpConnection(HttpTransport owner, String key, String authority, Socket socket) throws IOException {
        this.owner = owner;
        this.key = key;
        this.authority = authority;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /** Nothing of an answer came: the request may go again on another connection. Its cause, if any, says why. */
    static final class StaleException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleException(IOException cause) {
            super(cause == null ? "the connection was closed" : cause.getMessage(), cause);
        }
    }

    /**
     * Sets the JDK's socket classes up on a thread of their own, for a command about to reach a registry: their
     * first use runs java.net.SocketImpl's lambda, the process's first, whose method-handle machinery cost the
     * thread that met it some 3 ms of a warm pull, while the command still has its references and its store to
     * read; then TLS, unless the registry is known to answer plain HTTP (see {@link RegistryTls#prepare}).
     */
    static void prepareAhead(TlsAhead tls) {
        Thread thread = new Thread(new SocketClasses(tls), "socket-classes");
        thread.setDaemon(true);
        thread.start();
    }

    /** What of TLS a command sets up ahead: none (a registry known to answer plain HTTP), or as it will check. */
    enum TlsAhead {
        NONE, ANY_CERTIFICATE, VERIFIED
    }

    private static final class SocketClasses implements Runnable {
        private final TlsAhead tls;

        SocketClasses(TlsAhead tls) {
            this.tls = tls;
        }

        @Override
        public void run() {
            try {
                new Socket(Proxy.NO_PROXY).close();
            } catch (IOException | RuntimeException e) {
                // Nothing was opened; the connection itself says what is wrong, if anything is.
            }
            if (tls != TlsAhead.NONE) {
                RegistryTls.prepare(tls == TlsAhead.VERIFIED);
            }
        }
    }

    /** Which connections an address may use: the same scheme, host and port. */
    static String key(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":" + port(uri);
    }

    /** @param tls null for plain HTTP */
    static HttpConnection open(HttpTransport owner, URI uri, SSLSocketFactory tls, boolean checkHostNames)
            throws IOException {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = port(uri);
        Socket plain = new Socket(Proxy.NO_PROXY);
        try {
            plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            plain.setTcpNoDelay(true);
            Socket socket = plain;
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
                if (checkHostNames) {
                    // The certificate must name the host (or its address), as an https client checks it.
                    SSLParameters parameters = secure.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    secure.setSSLParameters(parameters);
                }
                secure.startHandshake();
                socket = secure;
            }
            return new HttpConnection(owner, key(uri), uri.getAuthority(), socket);
        } catch (IOException | RuntimeException e) {
            closeQuietly(plain);
            throw e;
        }
    }

    String key() {
        return key;
    }

    /**
     * A request's line and headers, written out: checked before any connection is made, so that a header that would
     * end its line early is refused rather than sent.
     */
    static byte[] requestHead(String method, URI uri, Map<String, String> headers, RequestBody body)
            throws IOException {
        StringBuilder head = new StringBuilder(512);
        head.append(method).append(' ').append(target(uri)).append(" HTTP/1.1\r\n");
        appendHeader(head, "Host", uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        appendHeader(head, "User-Agent", "vaina");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            appendHeader(head, header.getKey(), header.getValue());
        }
        if (sendsBody(method)) {
            appendHeader(head, "Content-Length", Long.toString(body.length()));
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends one request ({@link #requestHead} and its body) and reads its answer's head; the answer's body is the
     * caller's to read and close.
     *
     * @throws StaleException if nothing of an answer came (the host had closed a kept connection)
     */
    HttpAnswer exchange(String method, URI uri, byte[] head, RequestBody body) throws IOException {
        boolean sendsBody = sendsBody(method);
        String statusLine;
        try {
            out.write(head);
            if (sendsBody) {
                body.writeTo(out);
            }
            out.flush();
            statusLine = readLine();
        } catch (IOException e) {
            throw new StaleException(e);
        }
        if (statusLine == null) {
            throw new StaleException(null);
        }
        int status = statusCode(statusLine);
        Map<String, List<String>> answerHeaders = readHeaders();
        while (status >= 100 && status < 200) { // interim answers (100 Continue) come before the real one
            statusLine = readLine();
            if (statusLine == null) {
                throw new IOException(authority + " closed the connection in the middle of its answer");
            }
            status = statusCode(statusLine);
            answerHeaders = readHeaders();
        }
        boolean keepAlive = keepsAlive(statusLine, answerHeaders);
        InputStream answerBody;
        if (method.equals("HEAD") || status == 204 || status == 304) {
            answerBody = HttpAnswerBody.fixed(this, 0, keepAlive);
        } else if (hasToken(answerHeaders, "Transfer-Encoding", "chunked")) {
            answerBody = HttpAnswerBody.chunked(this, keepAlive);
        } else if (answerHeaders.containsKey("Content-Length")) {
            answerBody = HttpAnswerBody.fixed(this, contentLength(answerHeaders), keepAlive);
        } else {
            answerBody = HttpAnswerBody.untilClose(this);
        }
        return new HttpAnswer(uri, status, answerHeaders, answerBody);
    }

    /** The answer's body was read to its end: the connection goes back to its transport, or is closed. */
    void answerRead(boolean keepAlive) {
        if (keepAlive) {
            owner.keep(this);
        } else {
            close();
        }
    }

    void close() {
        closeQuietly(socket);
    }

    /** What the host sends, buffered: an answer's head, then its body. */
    InputStream input() {
        return in;
    }

    String authority() {
        return authority;
    }

    /** One line of an answer's head or of a chunked body, without its CR LF; null at the end of the stream. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c != '\n') {
            if (c < 0) {
                throw new IOException(authority + " closed the connection in the middle of a line of its answer");
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException(authority + " answered with a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
            c = in.read();
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> last = null;
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line == null) {
                throw new IOException(authority + " closed the connection in the middle of its answer");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADER_LINES) {
                throw new IOException(authority + " answered with more than " + MAX_HEADER_LINES + " header lines");
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                // An old-style continuation of the header before.
                last.set(last.size() - 1, last.get(last.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException(authority + " answered with a malformed header line: " + line);
            }
            String name = line.substring(0, colon).trim();
            last = headers.get(name);
            if (last == null) {
                last = new ArrayList<>(1);
                headers.put(name, last);
            }
            last.add(line.substring(colon + 1).trim());
        }
    }

    private int statusCode(String statusLine) throws IOException {
        // HTTP/1.x, a space, three digits, then a space and the reason (which may be empty) or nothing.
        if (statusLine.length() >= 12 && statusLine.startsWith("HTTP/1.") && statusLine.charAt(8) == ' '
                && (statusLine.length() == 12 || statusLine.charAt(12) == ' ')) {
            int code = 0;
            for (int i = 9; i < 12; i++) {
                char digit = statusLine.charAt(i);
                if (digit < '0' || digit > '9') {
                    code = -1;
                    break;
                }
                code = code * 10 + (digit - '0');
            }
            if (code >= 100) {
                return code;
            }
        }
        throw new IOException(authority + " answered with no valid HTTP status line");
    }

    private long contentLength(Map<String, List<String>> headers) throws IOException {
        String value = headers.get("Content-Length").get(0);
        try {
            long length = Long.parseLong(value);
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IOException(authority + " answered with an invalid Content-Length: " + value);
    }

    /** HTTP/1.1 keeps a connection unless told "close"; HTTP/1.0 only when told "keep-alive". */
    private static boolean keepsAlive(String statusLine, Map<String, List<String>> headers) {
        if (statusLine.startsWith("HTTP/1.0")) {
            return hasToken(headers, "Connection", "keep-alive");
        }
        return !hasToken(headers, "Connection", "close");
    }

    /** Whether a comma-separated header names {@code token}, in any case. */
    private static boolean hasToken(Map<String, List<String>> headers, String name, String token) {
        List<String> values = headers.get(name);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String item : value.split(",")) {
                if (item.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sendsBody(String method) {
        return method.equals("POST") || method.equals("PUT");
    }

    private static String target(URI uri) {
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        return (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    }

    /** A request header; a name or value that would end the line early is refused. */
    private static void appendHeader(StringBuilder head, String name, String value) {
        if (name.isEmpty() || !printable(name, false) || name.indexOf(':') >= 0 || !printable(value, true)) {
            throw new IllegalArgumentException("a request header that HTTP cannot carry: " + name);
        }
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static boolean printable(String text, boolean spaces) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xff || c == 0x7f || c < 0x20 && !(spaces && c == '\t') || !spaces && c == ' ') {
                return false;
            }
        }
        return true;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more goes over it either way.
        }
    }
}
