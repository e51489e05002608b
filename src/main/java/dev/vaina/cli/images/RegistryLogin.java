package dev.vaina.cli.images;

import dev.vaina.image.registry.Credentials;
import dev.vaina.image.registry.RegistryClient;
import dev.vaina.image.registry.RegistryEndpoint;
import dev.vaina.image.registry.RetryPolicy;
import java.io.IOException;
import java.util.Optional;

/** `vaina login`'s check: the registry itself must accept the credentials before they are kept. */
final class RegistryLogin {
    private RegistryLogin() {
    }

    static void check(String host, boolean tlsVerify, String user, String password) throws IOException {
        Credentials credentials = new Credentials(user, password);
        new RegistryClient(new RegistryEndpoint(host, !tlsVerify, tlsVerify), registry -> Optional.of(credentials),
                RetryPolicy.NONE).ping();
    }
}
