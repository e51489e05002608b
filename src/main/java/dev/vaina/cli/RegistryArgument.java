package dev.vaina.cli;

import dev.vaina.spec.InvalidSpecException;
import java.util.regex.Pattern;

/** The REGISTRY of login and logout: host[:port], accepted with a scheme or a trailing slash as Podman does. */
final class RegistryArgument {
    private static final Pattern HOST = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?");

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
        if (!HOST.matcher(host).matches()) {
            throw new InvalidSpecException("\"" + argument + "\" is not a registry host[:port]");
        }
        return host;
    }
}
