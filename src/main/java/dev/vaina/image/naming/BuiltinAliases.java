package dev.vaina.image.naming;

import java.util.Map;

/**
 * Short names every vaina knows without configuration. Podman gets its aliases from containers-common's
 * shortnames.conf (installed as /etc/containers/registries.conf.d/shortnames.conf, which vaina reads too,
 * and which overrides these); this table is written by hand and holds only the most pulled names, so that
 * `vaina run busybox` works on a machine without containers-common.
 */
final class BuiltinAliases {
    static final String ORIGIN = "vaina's built-in aliases";

    static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("alpine", "docker.io/library/alpine"),
            Map.entry("busybox", "docker.io/library/busybox"),
            Map.entry("debian", "docker.io/library/debian"),
            Map.entry("ubuntu", "docker.io/library/ubuntu"),
            Map.entry("fedora", "registry.fedoraproject.org/fedora"),
            Map.entry("fedora-minimal", "registry.fedoraproject.org/fedora-minimal"),
            Map.entry("hello-world", "docker.io/library/hello-world"),
            Map.entry("nginx", "docker.io/library/nginx"),
            Map.entry("httpd", "docker.io/library/httpd"),
            Map.entry("redis", "docker.io/library/redis"),
            Map.entry("postgres", "docker.io/library/postgres"),
            Map.entry("mariadb", "docker.io/library/mariadb"),
            Map.entry("registry", "docker.io/library/registry"));

    private BuiltinAliases() {
    }

    static Alias find(String shortName) {
        String target = TABLE.get(shortName);
        return target == null ? null : Alias.of(ParsedReference.parse(target).normalized().withoutTagOrDigest(), ORIGIN);
    }
}
