package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/** PUT /v2/NAME/manifests/REFERENCE: stores a manifest under a tag (or its digest). */
final class ManifestPusher {
    private final RegistryHttp http;

    ManifestPusher(RegistryHttp http) {
        this.http = http;
    }

    /** Returns the digest the registry reports (or the one computed from the bytes when it reports none). */
    String push(String repository, String reference, String mediaType, byte[] bytes) throws IOException {
        String what = "push manifest " + reference + " to " + http.endpoint().host() + "/" + repository;
        HttpAnswer response = http.send("PUT", http.uri("/v2/" + repository + "/manifests/" + reference),
                RegistryClient.pushScope(repository), Map.of("Content-Type", mediaType),
                RequestBody.of(bytes), Set.of(), what);
        response.body().close();
        String digest = BlobDigest.of(bytes);
        String reported = response.header("Docker-Content-Digest").orElse(digest);
        if (!reported.equals(digest)) {
            throw http.failure(what, "the registry stored it as " + reported + " but its bytes hash to " + digest, 0, null);
        }
        return digest;
    }
}
