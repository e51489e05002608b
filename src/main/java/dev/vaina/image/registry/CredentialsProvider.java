package dev.vaina.image.registry;

import java.util.Optional;

/** Finds the credentials stored for a registry (auth.json and friends); empty means anonymous. */
@FunctionalInterface
public interface CredentialsProvider {
    CredentialsProvider NONE = registryHost -> Optional.empty();

    Optional<Credentials> find(String registryHost);
}
