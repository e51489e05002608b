package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/** HEAD /v2/NAME/blobs/DIGEST: whether the registry already has a blob (so a push can skip it). */
final class BlobChecker {
    private final RegistryHttp http;

    BlobChecker(RegistryHttp http) {
        this.http = http;
    }

    boolean exists(String repository, String digest, String scope) throws IOException {
        BlobDigest.require(digest, "blob");
        HttpAnswer response = http.send("HEAD", http.uri("/v2/" + repository + "/blobs/" + digest),
                scope, Map.of(), RequestBody.NONE, Set.of(404),
                "check blob " + digest + " in " + http.endpoint().host() + "/" + repository);
        response.body().close();
        return response.statusCode() != 404;
    }
}
