package dev.vaina.image.naming;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A short-name alias: the fully qualified name (no tag, no digest) and where it was defined. The name is kept as
 * text, checked when the alias is made from a file; a command that resolves no short name never parses the dozens
 * a configuration holds (the registries configuration's cache hands them back as they were written).
 *
 * @param name the target's name, as {@link ParsedReference#toString} writes it
 */
public record Alias(String name, String origin) {
    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    /** @throws IllegalArgumentException for a short name, or a name with a tag or digest */
    static Alias of(ParsedReference target, String origin) {
        if (target.isShortName() || target.tag() != null || target.digest() != null) {
            throw new IllegalArgumentException("an alias is a fully qualified name without tag or digest: " + target);
        }
        return new Alias(target.toString(), origin);
    }

    static Alias of(String target, Path origin) {
        return of(ParsedReference.parse(target).normalized().withoutTagOrDigest(), origin.toString());
    }

    public ParsedReference target() {
        return ParsedReference.parse(name);
    }
}
