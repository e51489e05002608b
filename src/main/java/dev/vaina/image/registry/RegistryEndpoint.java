package dev.vaina.image.registry;

import dev.vaina.spec.ReferenceSyntax;

/**
 * Where a registry answers.
 *
 * @param host host[:port], as in image references and registries.conf
 * @param plainHttp the registry is "insecure": https is tried first and plain http is the fallback, as Podman
 *     does for {@code insecure = true} and {@code --tls-verify=false}
 * @param tlsVerify whether https certificates are checked (false trusts any certificate)
 */
public record RegistryEndpoint(String host, boolean plainHttp, boolean tlsVerify) {
    public RegistryEndpoint {
        if (host == null || !ReferenceSyntax.isHostAndPort(host)) {
            throw new IllegalArgumentException("registry \"" + host + "\" is not a host[:port]");
        }
    }

    /**
     * Where the API answers: Docker Hub's images are named docker.io/... but its registry API is served by
     * registry-1.docker.io. Credentials and certificates stay keyed by {@link #host()}, as Podman keys them.
     */
    public String apiHost() {
        return host.equals("docker.io") ? "registry-1.docker.io" : host;
    }

    /** A registry reached over verified https only: the default for every registry not marked insecure. */
    public static RegistryEndpoint secure(String host) {
        return new RegistryEndpoint(host, false, true);
    }

    /** What {@code --tls-verify=false} means: any certificate, and plain http when https does not answer. */
    public static RegistryEndpoint insecure(String host) {
        return new RegistryEndpoint(host, true, false);
    }
}
