package dev.vaina.store;

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

    private NameGenerator() {
    }

    /** A generated name that {@code taken} does not know yet (a random suffix makes one after 100 tries). */
    public static String free(NameCheck taken) throws java.io.IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = next();
            if (!taken.nameTaken(candidate)) {
                return candidate;
            }
        }
        return next() + "_" + ContainerStore.newId().substring(0, 6);
    }

    /** Whether a name is in use: what a store of named records answers. */
    public interface NameCheck {
        boolean nameTaken(String name) throws java.io.IOException;
    }

    public static String next() {
        return ADJECTIVES[Randomness.below(ADJECTIVES.length)] + "_" + SURNAMES[Randomness.below(SURNAMES.length)];
    }
}
