package dev.vaina.store;

import java.security.SecureRandom;

/**
 * The one source of randomness for ids and generated names, made when first used: a SecureRandom loads
 * about 60 classes of the security providers, which commands that only read records (ps, inspect) do not need.
 */
final class Randomness {
    static final SecureRandom SOURCE = new SecureRandom();

    private Randomness() {
    }
}
