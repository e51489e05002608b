package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * GET /v2/NAME/blobs/DIGEST into a file, continuing a partial download with a Range request, retrying
 * transient failures from where the data stopped, and checking the sha256 of the whole file at the end.
 */
final class BlobPuller {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-\\d+/(?:\\d+|\\*)");
    private static final long PROGRESS_STEP = 512 * 1024;

    private final RegistryHttp http;

    BlobPuller(RegistryHttp http) {
        this.http = http;
    }

    void pull(String repository, String digest, Path partialFile, PullListener listener) throws IOException {
        String what = "pull blob " + digest + " from " + http.endpoint().host() + "/" + repository;
        try {
            BlobDigest.require(digest, "blob");
        } catch (IllegalArgumentException e) {
            throw new RegistryException("Tried to " + what + " but failed because: " + e.getMessage(), e);
        }
        Files.createDirectories(partialFile.toAbsolutePath().getParent());
        for (int attempt = 0; ; attempt++) {
            try {
                downloadOnce(repository, digest, partialFile, listener, what);
                break;
            } catch (RegistryException e) {
                if (!RegistryHttp.isTransient(e.status()) || attempt >= http.retry().attempts()) {
                    throw e;
                }
            } catch (SSLException e) {
                throw http.failure(what, e.getMessage(), 0, e);
            } catch (IOException e) {
                // a connection reset mid-body: what arrived stays in the file and the next try continues it
                if (attempt >= http.retry().attempts()) {
                    throw http.failure(what, e.getMessage() == null ? e.toString() : e.getMessage(), 0, e);
                }
            }
            http.pause(attempt + 1);
        }
        String actual = sha256(partialFile);
        if (!actual.equals(digest)) {
            Files.deleteIfExists(partialFile);
            throw new RegistryException("Tried to " + what + " but failed because: the data received has digest "
                    + actual + ", not " + digest + " (the registry's copy is corrupt, or the transfer was altered)");
        }
    }

    private void downloadOnce(String repository, String digest, Path file, PullListener listener, String what)
            throws IOException {
        long have = Files.exists(file) ? Files.size(file) : 0;
        Map<String, String> headers = have > 0 ? Map.of("Range", "bytes=" + have + "-") : Map.of();
        HttpResponse<InputStream> response = http.send("GET", http.uri("/v2/" + repository + "/blobs/" + digest),
                RegistryClient.pullScope(repository), headers, HttpRequest.BodyPublishers.noBody(), Set.of(404, 416), what);
        int status = response.statusCode();
        if (status == 404) {
            String detail = RegistryHttp.errorDetail(response);
            throw new RegistryException("Tried to " + what + " but failed because: "
                    + (detail.isEmpty() ? "blob unknown to registry" : detail), 404, null);
        }
        if (status == 416) {
            // nothing left to send: the file is complete already (verified by the caller) or longer than the blob
            response.body().close();
            if (!sha256(file).equals(digest)) {
                Files.delete(file);
                downloadOnce(repository, digest, file, listener, what);
            }
            return;
        }
        boolean append = false;
        if (status == 206) {
            Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
            append = range.matches() && Long.parseLong(range.group(1)) == have;
            if (!append) {
                response.body().close();
                Files.delete(file); // a range we did not ask for: start again from zero
                downloadOnce(repository, digest, file, listener, what);
                return;
            }
            listener.layerResumed(digest, have);
        } else {
            have = 0; // the server ignored Range and sends everything
        }
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[64 * 1024];
            long written = have;
            long reported = have;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                written += n;
                if (written - reported >= PROGRESS_STEP) {
                    listener.layerProgress(digest, written);
                    reported = written;
                }
            }
            listener.layerProgress(digest, written);
        }
    }

    /** GET of a small blob (an image config) into memory, refusing more than {@code maxBytes}. */
    byte[] pullSmall(String repository, String digest, int maxBytes) throws IOException {
        String what = "pull blob " + digest + " from " + http.endpoint().host() + "/" + repository;
        HttpResponse<InputStream> response = http.send("GET", http.uri("/v2/" + repository + "/blobs/" + digest),
                RegistryClient.pullScope(repository), Map.of(), HttpRequest.BodyPublishers.noBody(), Set.of(404), what);
        if (response.statusCode() == 404) {
            String detail = RegistryHttp.errorDetail(response);
            throw new RegistryException("Tried to " + what + " but failed because: "
                    + (detail.isEmpty() ? "blob unknown to registry" : detail), 404, null);
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new RegistryException("Tried to " + what + " but failed because: it is larger than " + maxBytes + " bytes");
        }
        String actual = BlobDigest.of(bytes);
        if (!actual.equals(digest)) {
            throw new RegistryException("Tried to " + what + " but failed because: the data received has digest "
                    + actual + ", not " + digest);
        }
        return bytes;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = BlobDigest.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
