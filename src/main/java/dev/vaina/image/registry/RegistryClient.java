package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The client of one registry (OCI distribution API v2): ping and login check, manifests, blobs in both
 * directions. It keeps the scheme, the authentication challenge and the tokens (per scope) for its life, so
 * one client per pull or push is the intended use. Thread-safe.
 */
public final class RegistryClient {
    private final RegistryHttp http;
    private final ManifestPuller manifestPuller;
    private final BlobPuller blobPuller;
    private final BlobChecker blobChecker;
    private final BlobPusher blobPusher;
    private final ManifestPusher manifestPusher;

    /** A client that trusts the certificates in vaina's and Podman's certs.d directories. */
    public RegistryClient(RegistryEndpoint endpoint, CredentialsProvider credentials, RetryPolicy retry)
            throws IOException {
        this(endpoint, credentials, retry, RegistryTls.defaultCertsRoots(System.getenv()));
    }

    /**
     * @param certsRoots directories holding {@code <host[:port]>/*.crt} CA certificates to trust for this registry
     *     besides the JDK's defaults
     */
    public RegistryClient(RegistryEndpoint endpoint, CredentialsProvider credentials, RetryPolicy retry,
            List<Path> certsRoots) throws IOException {
        this(endpoint, credentials, retry, certsRoots, PlainHttpRegistries.NONE);
    }

    /** @param plainHttpRegistries the insecure registries to ask over http first */
    public RegistryClient(RegistryEndpoint endpoint, CredentialsProvider credentials, RetryPolicy retry,
            List<Path> certsRoots, PlainHttpRegistries plainHttpRegistries) throws IOException {
        this.http = new RegistryHttp(endpoint, credentials, retry, certsRoots, plainHttpRegistries);
        this.manifestPuller = new ManifestPuller(http);
        this.blobPuller = new BlobPuller(http);
        this.blobChecker = new BlobChecker(http);
        this.blobPusher = new BlobPusher(http);
        this.manifestPusher = new ManifestPusher(http);
    }

    /**
     * For a command about to reach a registry, as it begins: the connections' set-up that needs no address, and
     * TLS's unless {@code tls} is false (a registry remembered as answering plain HTTP); {@code verify}: whether
     * certificates will be checked, so that the JDK's trust store is read ahead too.
     */
    public static void prepareAhead(boolean tls, boolean verify) {
        HttpConnection.prepareAhead(!tls ? HttpConnection.TlsAhead.NONE
                : verify ? HttpConnection.TlsAhead.VERIFIED : HttpConnection.TlsAhead.ANY_CERTIFICATE);
    }

    /** The certs.d roots used by default: /etc/vaina/certs.d, $XDG_CONFIG_HOME/vaina/certs.d, /etc/containers/certs.d. */
    public static List<Path> defaultCertsRoots(Map<String, String> env) {
        return RegistryTls.defaultCertsRoots(env);
    }

    public RegistryEndpoint endpoint() {
        return http.endpoint();
    }

    /**
     * Checks that the registry answers the API (https, or http for an insecure one) and, when credentials
     * are known for it, that it accepts them: {@code vaina login} calls this.
     *
     * @throws RegistryAuthenticationException "invalid username/password" when the credentials are refused
     * @throws RegistryException when the registry cannot be reached
     */
    public void ping() throws IOException {
        http.ping();
    }

    /**
     * The manifest or index named by a tag or a {@code sha256:} digest. A digest reference is checked against
     * the bytes received; otherwise the digest is computed from them. Bodies over 4 MiB are refused.
     */
    public Manifest fetchManifest(String repository, String reference) throws IOException {
        return manifestPuller.pull(repository, reference);
    }

    /**
     * A blob as a stream that downloads it while it is read: what {@code partialFile} holds from an earlier pull
     * first, then the rest (a Range request; a server that ignores Range sends it all again), written to that file
     * as it arrives, a broken transfer continued where it stopped. Reading its end checks the sha256 of the whole
     * blob: on a mismatch that read fails naming the digest, and the file is deleted. Closed before its end, it
     * leaves the file for the next pull to continue.
     */
    public InputStream openBlob(String repository, String digest, Path partialFile, PullListener listener)
            throws IOException {
        return blobPuller.open(repository, digest, partialFile, listener == null ? PullListener.NONE : listener);
    }

    /** A small blob (an image config) in memory, digest checked; more than {@code maxBytes} is refused. */
    public byte[] fetchBlobBytes(String repository, String digest, int maxBytes) throws IOException {
        return blobPuller.pullSmall(repository, digest, maxBytes);
    }

    /** HEAD of a blob with push access (what a push asks before uploading). */
    public boolean blobExists(String repository, String digest) throws IOException {
        return blobChecker.exists(repository, digest, pushScope(repository));
    }

    /**
     * Uploads {@code file} as blob {@code digest} unless the registry has it already. With {@code mountFrom}
     * (another repository of this registry that holds the blob), asks for a cross-repository mount first.
     *
     * @return false when the blob was already there and nothing was sent
     */
    public boolean pushBlob(String repository, String digest, Path file, String mountFrom) throws IOException {
        if (blobChecker.exists(repository, digest, pushScope(repository))) {
            return false;
        }
        blobPusher.push(repository, digest, file, mountFrom);
        return true;
    }

    /** Stores a manifest under {@code reference} (a tag or its digest); returns its digest. */
    public String putManifest(String repository, String reference, String mediaType, byte[] bytes) throws IOException {
        return manifestPusher.push(repository, reference, mediaType, bytes);
    }

    static String pullScope(String repository) {
        return "repository:" + repository + ":pull";
    }

    static String pushScope(String repository) {
        return "repository:" + repository + ":pull,push";
    }
}
