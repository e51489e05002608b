package dev.vaina.image.naming;

import java.io.IOException;

/**
 * Asks a registry whether a user name and password are good, before `login` stores them. The registry
 * client implements it (it knows the auth challenges); the naming package only defines the shape.
 */
@FunctionalInterface
public interface CredentialCheck {
    /**
     * Returns normally when the registry accepts the credentials; throws otherwise, with a message that
     * says what was tried and why it failed.
     *
     * @param registryHost host[:port] as the user named it (docker.io included: the client maps it)
     * @param tlsVerify    false allows plain HTTP and unverified certificates
     */
    void check(String registryHost, boolean tlsVerify, String user, String password) throws IOException;
}
