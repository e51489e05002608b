package dev.vaina.store;

import java.security.SecureRandom;

/** Names like "eager_turing" for containers created without --name, as Docker and Podman make them. */
public final class NameGenerator {
    private static final String[] ADJECTIVES = {"admiring", "amazing", "bold", "brave", "busy", "calm", "clever",
        "cool", "dazzling", "eager", "elegant", "festive", "focused", "gallant", "gifted", "happy", "hopeful",
        "jolly", "keen", "kind", "lucid", "modest", "nifty", "optimistic", "peaceful", "practical", "quirky",
        "relaxed", "serene", "sharp", "stoic", "sweet", "tender", "upbeat", "vibrant", "wizardly", "youthful", "zen"};
    private static final String[] SURNAMES = {"agnesi", "babbage", "bell", "bohr", "curie", "darwin", "dijkstra",
        "einstein", "euler", "fermi", "franklin", "galileo", "gauss", "goodall", "hamilton", "hopper", "hypatia",
        "johnson", "kepler", "knuth", "lamport", "lovelace", "mccarthy", "meitner", "noether", "pascal", "ritchie",
        "shannon", "thompson", "torvalds", "turing", "wilson", "wozniak", "yalow"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private NameGenerator() {
    }

    public static String next() {
        return ADJECTIVES[RANDOM.nextInt(ADJECTIVES.length)] + "_" + SURNAMES[RANDOM.nextInt(SURNAMES.length)];
    }
}
