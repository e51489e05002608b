package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/** GET /v2/NAME/manifests/REFERENCE: a manifest or index, its digest checked. */
final class ManifestPuller {
    /** Manifests are small; a bigger body is a broken or hostile server (containers/image uses 4 MiB too). */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private final RegistryHttp http;

    ManifestPuller(RegistryHttp http) {
        this.http = http;
    }

    Manifest pull(String repository, String reference) throws IOException {
        String name = http.endpoint().host() + "/" + repository;
        boolean byDigest = BlobDigest.isDigest(reference);
        String what = "pull manifest " + reference + " from " + name;
        if (byDigest) {
            try {
                BlobDigest.require(reference, "manifest reference");
            } catch (IllegalArgumentException e) {
                throw new RegistryException("Tried to " + what + " but failed because: " + e.getMessage(), e);
            }
        }
        HttpAnswer response = http.send("GET", http.uri("/v2/" + repository + "/manifests/" + reference),
                RegistryClient.pullScope(repository), Map.of("Accept", String.join(", ", MediaTypes.MANIFESTS)),
                RequestBody.NONE, Set.of(404), what);
        if (response.statusCode() == 404) {
            String detail = RegistryHttp.errorDetail(response);
            throw new RegistryException("Tried to " + what + " but failed because: " + name + ":" + reference
                    + ": image not known (" + (detail.isEmpty() ? "manifest unknown" : detail) + ")", 404, null);
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new RegistryException("Tried to " + what + " but failed because: the manifest is larger than "
                    + MAX_MANIFEST_BYTES + " bytes");
        }
        Manifest manifest;
        try {
            manifest = Manifest.of(bytes, response.header("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new RegistryException("Tried to " + what + " but failed because: " + e.getMessage(), e);
        }
        if (byDigest && !manifest.digest().equals(reference)) {
            throw new RegistryException("Tried to " + what + " but failed because: the registry sent a manifest whose"
                    + " digest is " + manifest.digest());
        }
        if (!manifest.isIndex() && !MediaTypes.isImageManifest(manifest.mediaType())) {
            throw new RegistryException("Tried to " + what + " but failed because: unsupported manifest type \""
                    + manifest.mediaType() + "\" (vaina reads OCI and Docker schema 2 manifests and indexes)");
        }
        return manifest;
    }
}
