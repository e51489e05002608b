package dev.vaina.image.naming;

import java.nio.file.Path;
import java.util.Objects;

/** A short-name alias: the fully qualified name (no tag, no digest) and where it was defined. */
public record Alias(ParsedReference target, String origin) {
    public Alias {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
        if (target.isShortName() || target.tag() != null || target.digest() != null) {
            throw new IllegalArgumentException("an alias is a fully qualified name without tag or digest: " + target);
        }
    }

    static Alias of(String target, Path origin) {
        return new Alias(ParsedReference.parse(target).normalized().withoutTagOrDigest(), origin.toString());
    }
}
