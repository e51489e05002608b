package dev.vaina.cli.images;

import dev.vaina.image.naming.ParsedReference;
import dev.vaina.spec.InvalidSpecException;

/** The REGISTRY of login and logout: host[:port], accepted with a scheme or a trailing slash as Podman does. */
final class RegistryArgument {
    private RegistryArgument() {
    }

    static String host(String argument) {
        String host = argument;
        for (String scheme : new String[] {"https://", "http://"}) {
            if (host.startsWith(scheme)) {
                host = host.substring(scheme.length());
            }
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.contains("/")) {
            throw new InvalidSpecException("\"" + argument + "\" names a repository: vaina keeps credentials per "
                    + "registry, give the host[:port] only");
        }
        if (!ParsedReference.isRegistryHost(host)) {
            throw new InvalidSpecException("\"" + argument + "\" is not a registry host[:port]");
        }
        return host;
    }
}
