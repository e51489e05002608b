package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** GET /v2/NAME/blobs/DIGEST: a layer as a stream that downloads it ({@link BlobStream}), a config in memory. */
final class BlobPuller {
    private final RegistryHttp http;

    BlobPuller(RegistryHttp http) {
        this.http = http;
    }

    /** The blob as a stream that downloads it into {@code partialFile} as it is read ({@link BlobStream}). */
    InputStream open(String repository, String digest, Path partialFile, PullListener listener) throws IOException {
        return BlobStream.open(http, repository, digest, partialFile, listener);
    }

    /**
     * GET of a blob with {@code headers}; answers 2xx and 416 are returned (the caller's to read), 404 fails as
     * an unknown blob, anything else as {@link RegistryHttp#send} fails.
     */
    static HttpAnswer get(RegistryHttp http, String repository, String digest,
            Map<String, String> headers, String what) throws IOException {
        HttpAnswer response = http.send("GET", http.uri("/v2/" + repository + "/blobs/" + digest),
                RegistryClient.pullScope(repository), headers, RequestBody.NONE, Set.of(404, 416), what);
        if (response.statusCode() == 404) {
            String detail = RegistryHttp.errorDetail(response);
            throw new RegistryException("Tried to " + what + " but failed because: "
                    + (detail.isEmpty() ? "blob unknown to registry" : detail), 404, null);
        }
        return response;
    }

    /** GET of a small blob (an image config) into memory, refusing more than {@code maxBytes}. */
    byte[] pullSmall(String repository, String digest, int maxBytes) throws IOException {
        String what = "pull blob " + digest + " from " + http.endpoint().host() + "/" + repository;
        HttpAnswer response = get(http, repository, digest, Map.of(), what);
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
