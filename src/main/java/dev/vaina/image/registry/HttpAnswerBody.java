package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;

/**
 * An answer's body as it comes over its connection: so many bytes (Content-Length), chunks (Transfer-Encoding:
 * chunked), or everything until the host closes. Read to its end, it hands the connection back for the next
 * request; closed before, it closes the connection, whose rest nobody reads. A connection that ends before the
 * body does is an IOException, as a broken transfer is.
 */
final class HttpAnswerBody extends InputStream {
    private static final long UNTIL_CLOSE = -1;
    /** The longest unread body that close() reads to its end rather than closing the connection. */
    private static final long DRAINED = 16 * 1024;

    private final HttpConnection connection;
    private final InputStream in;
    private final boolean chunked;
    private final boolean keepAlive;
    /** What is left of the body (so many bytes) or of the current chunk; UNTIL_CLOSE for the rest of the stream. */
    private long remaining;
    private boolean ended;
    private boolean closed;
    private final byte[] one = new byte[1];

    private HttpAnswerBody(HttpConnection connection, boolean chunked, long length, boolean keepAlive) {
        this.connection = connection;
        this.in = connection.input();
        this.chunked = chunked;
        this.remaining = length;
        this.keepAlive = keepAlive;
        if (!chunked && length == 0) {
            end();
        }
    }

    static HttpAnswerBody fixed(HttpConnection connection, long length, boolean keepAlive) {
        return new HttpAnswerBody(connection, false, length, keepAlive);
    }

    static HttpAnswerBody chunked(HttpConnection connection, boolean keepAlive) {
        return new HttpAnswerBody(connection, true, 0, keepAlive);
    }

    static HttpAnswerBody untilClose(HttpConnection connection) {
        return new HttpAnswerBody(connection, false, UNTIL_CLOSE, false);
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the answer's body from " + connection.authority() + " is closed");
        }
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (chunked && remaining == 0) {
            remaining = nextChunk();
            if (remaining == 0) {
                readTrailers();
                end();
                return -1;
            }
        }
        if (remaining == UNTIL_CLOSE) {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                end();
            }
            return n;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            abandon();
            throw new IOException(connection.authority() + " closed the connection " + remaining
                    + " bytes before the end of its answer");
        }
        remaining -= n;
        if (remaining == 0) {
            if (chunked) {
                String after = connection.readLine();
                if (after == null || !after.isEmpty()) {
                    abandon();
                    throw new IOException(connection.authority() + " answered with a malformed chunk");
                }
            } else {
                end();
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        if (closed || ended || remaining == UNTIL_CLOSE) {
            return 0;
        }
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (!ended && !chunked && remaining > 0 && remaining <= DRAINED) {
            // A short body left unread (a ping's "{}", an error's document) is read to its end, so that the
            // connection goes back to its transport for the next request instead of a new one being opened.
            try {
                byte[] rest = new byte[(int) remaining];
                while (!ended && read(rest, 0, rest.length) >= 0) {
                    // until the end
                }
            } catch (IOException e) {
                // closed below
            }
        }
        closed = true;
        if (!ended) {
            connection.close();
        }
    }

    /** The size of the next chunk: hexadecimal digits, perhaps followed by extensions after a semicolon. */
    private long nextChunk() throws IOException {
        String line = connection.readLine();
        if (line == null) {
            abandon();
            throw new IOException(connection.authority() + " closed the connection before the end of its answer");
        }
        int end = line.indexOf(';');
        String digits = (end < 0 ? line : line.substring(0, end)).trim();
        try {
            long size = Long.parseLong(digits, 16);
            if (size >= 0 && !digits.isEmpty() && digits.charAt(0) != '+') {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        abandon();
        throw new IOException(connection.authority() + " answered with an invalid chunk size: " + line);
    }

    private void readTrailers() throws IOException {
        for (String line = connection.readLine(); line == null || !line.isEmpty(); line = connection.readLine()) {
            if (line == null) {
                abandon();
                throw new IOException(connection.authority() + " closed the connection before the end of its answer");
            }
        }
    }

    private void end() {
        ended = true;
        connection.answerRead(keepAlive);
    }

    /** The connection broke or spoke nonsense: nothing more is read from it. */
    private void abandon() {
        closed = true;
        connection.close();
    }
}
