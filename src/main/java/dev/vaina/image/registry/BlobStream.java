package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * A blob read while it downloads, so that its reader (a layer's extraction) works as the bytes arrive. What an
 * earlier, interrupted pull left in the partial file comes first, then the rest from the registry (a Range
 * request); every byte from the registry is written to that file before it is read, so a pull killed at any
 * point leaves a file the next one continues. A transfer that breaks off is asked for again from where it
 * stopped (as many times as the retry policy allows). The sha256 of the whole blob is checked when its end is
 * read: a blob that does not match fails that read, its file deleted. A read that failed fails again.
 */
final class BlobStream extends InputStream {
    private static final long PROGRESS_STEP = 512 * 1024;

    private final RegistryHttp http;
    private final String repository;
    private final String digest;
    private final String what;
    private final Path file;
    private final PullListener listener;
    private final MessageDigest sha = BlobDigest.sha256();
    /** The partial file's bytes from an earlier pull, read before the registry's; null once read. */
    private InputStream replay;
    /** The registry's answer, from {@link #saved} on; null when the file held the whole blob already. */
    private InputStream body;
    private OutputStream out;
    /** Bytes read so far, and bytes in the file: equal once the replay is over. */
    private long position;
    private long saved;
    private long reported;
    private int retries;
    private boolean ended;
    private boolean closed;
    private IOException failure;

    private BlobStream(RegistryHttp http, String repository, String digest, Path file, PullListener listener) {
        this.http = http;
        this.repository = repository;
        this.digest = digest;
        this.what = "pull blob " + digest + " from " + http.endpoint().host() + "/" + repository;
        this.file = file;
        this.listener = listener;
    }

    /** Asks for the blob; what the partial file holds already is not sent again. */
    static BlobStream open(RegistryHttp http, String repository, String digest, Path file, PullListener listener)
            throws IOException {
        BlobStream stream = new BlobStream(http, repository, digest, file, listener);
        try {
            BlobDigest.require(digest, "blob");
        } catch (IllegalArgumentException e) {
            throw new RegistryException("Tried to " + stream.what + " but failed because: " + e.getMessage(), e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        stream.start(Files.exists(file) ? Files.size(file) : 0);
        return stream;
    }

    private void start(long have) throws IOException {
        HttpAnswer response = request(have);
        int status = response.statusCode();
        if (status == 416 && have == 0) {
            response.body().close();
            throw http.failure(what, "the registry answered HTTP 416 to a request for the whole blob", 416, null);
        }
        if (status == 416) {
            // nothing left to send: the file is complete, or longer than the blob (then it is fetched anew)
            response.body().close();
            if (BlobPuller.sha256(file).equals(digest)) {
                replay = Files.newInputStream(file);
                saved = Files.size(file);
                return;
            }
            Files.delete(file);
            start(0);
            return;
        }
        if (status == 206 && have > 0) {
            if (rangeStart(response) != have) {
                response.body().close();
                Files.delete(file); // a range not asked for: start again from zero
                start(0);
                return;
            }
            listener.layerResumed(digest, have);
            replay = Files.newInputStream(file);
            saved = have;
            reported = have;
        } else {
            saved = 0; // the server ignored Range and sends everything
        }
        body = response.body();
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                saved > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** GET of the blob from byte {@code from} on. */
    private HttpAnswer request(long from) throws IOException {
        return BlobPuller.get(http, repository, digest, from > 0 ? Map.of("Range", "bytes=" + from + "-") : Map.of(), what);
    }

    /** Compiled only when a transfer resumes: a pull that does not resume compiles no regular expression. */
    private static final class ContentRange {
        static final Pattern PATTERN = Pattern.compile("bytes\\s+(\\d+)-\\d+/(?:\\d+|\\*)");
    }

    private static long rangeStart(HttpAnswer response) {
        Matcher range = ContentRange.PATTERN.matcher(response.header("Content-Range").orElse(""));
        return range.matches() ? Long.parseLong(range.group(1)) : -1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("the download of blob " + digest + " was closed before its end");
        }
        if (length == 0) {
            return 0;
        }
        try {
            return next(buffer, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private int next(byte[] buffer, int offset, int length) throws IOException {
        while (!ended) {
            if (replay != null) {
                int n = replay.read(buffer, offset, (int) Math.min(length, saved - position));
                if (n > 0) {
                    sha.update(buffer, offset, n);
                    position += n;
                    return n;
                }
                replay.close();
                replay = null;
                continue;
            }
            int n = body == null ? -1 : fromRegistry(buffer, offset, length);
            if (n >= 0) {
                sha.update(buffer, offset, n);
                position += n;
                if (position - reported >= PROGRESS_STEP) {
                    listener.layerProgress(digest, position);
                    reported = position;
                }
                return n;
            }
            end();
        }
        return -1;
    }

    /** Reads from the registry into the file and the buffer, asking again from where a broken transfer stopped. */
    private int fromRegistry(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            try {
                int n = body.read(buffer, offset, length);
                if (n > 0) {
                    out.write(buffer, offset, n);
                    saved += n;
                }
                return n;
            } catch (SSLException e) {
                throw http.failure(what, e.getMessage(), 0, e);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e instanceof InterruptedIOException ? e : new InterruptedIOException("stopped while the "
                            + "blob " + digest + " downloaded");
                }
                if (retries >= http.retry().attempts()) {
                    throw http.failure(what, e.getMessage() == null ? e.toString() : e.getMessage(), 0, e);
                }
                closeQuietly(body);
                http.pause(++retries);
                body = resumed();
            }
        }
    }

    /** The registry's answer from {@link #saved} on, for a transfer that broke off. */
    private InputStream resumed() throws IOException {
        HttpAnswer response = request(saved);
        int status = response.statusCode();
        if (status == 206 && rangeStart(response) == saved) {
            return response.body();
        }
        if (status == 200) {
            InputStream all = response.body(); // Range ignored: what the file has already is skipped
            all.skipNBytes(saved);
            return all;
        }
        if (status == 416) {
            response.body().close(); // the transfer broke off after its last byte: the digest tells
            return InputStream.nullInputStream();
        }
        response.body().close();
        throw http.failure(what, "the registry answered a request for the rest of the blob from byte " + saved
                + " with HTTP " + status + (status == 206 ? " and another range" : ""), status, null);
    }

    private void end() throws IOException {
        ended = true;
        close();
        listener.layerProgress(digest, position);
        String actual = "sha256:" + HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(digest)) {
            Files.deleteIfExists(file);
            throw new RegistryException("Tried to " + what + " but failed because: the data received has digest "
                    + actual + ", not " + digest + " (the registry's copy is corrupt, or the transfer was altered)");
        }
    }

    /** Leaves the partial file as it is: a blob not read to its end is continued by the next pull. */
    @Override
    public void close() throws IOException {
        closed = !ended;
        InputStream replaying = replay;
        InputStream answer = body;
        OutputStream writing = out;
        replay = null;
        body = null;
        out = null;
        closeQuietly(replaying);
        closeQuietly(answer);
        if (writing != null) {
            writing.close();
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // an answer given up on: nothing of it is needed
            }
        }
    }
}
