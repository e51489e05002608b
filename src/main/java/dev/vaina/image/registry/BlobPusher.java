package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Uploads one blob: a cross-repository mount when the blob is known to be in another repository of the same
 * registry, otherwise POST /v2/NAME/blobs/uploads/ and one monolithic PUT ?digest=.
 */
final class BlobPusher {
    private final RegistryHttp http;

    BlobPusher(RegistryHttp http) {
        this.http = http;
    }

    void push(String repository, String digest, Path file, String mountFrom) throws IOException {
        BlobDigest.require(digest, "blob");
        String what = "push blob " + digest + " to " + http.endpoint().host() + "/" + repository;
        String scope = RegistryClient.pushScope(repository);
        String path = "/v2/" + repository + "/blobs/uploads/";
        if (mountFrom != null) {
            scope = scope + " repository:" + mountFrom + ":pull";
            path += "?mount=" + encode(digest) + "&from=" + encode(mountFrom);
        }
        HttpAnswer started = http.send("POST", http.uri(path), scope, Map.of(),
                RequestBody.NONE, Set.of(), what);
        started.body().close();
        if (started.statusCode() == 201) {
            return; // mounted: the registry linked the existing blob
        }
        String location = started.header("Location").orElseThrow(() -> http.failure(what,
                "the registry started an upload without a Location header", started.statusCode(), null));
        URI upload = started.uri().resolve(location);
        String separator = upload.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(upload + separator + "digest=" + encode(digest));
        HttpAnswer done = http.send("PUT", put, scope,
                Map.of("Content-Type", "application/octet-stream"), RequestBody.of(file),
                Set.of(), what);
        done.body().close();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
