package dev.vaina.image.naming;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A [[registry]] entry: references matching {@code prefix} are pulled from {@code location} (the prefix
 * rewritten) after the mirrors. An empty location is allowed only with a "*.example.com" prefix and means
 * "the reference's own host". {@code origin} is the file that defined it, for messages.
 */
public record Registry(String prefix, String location, boolean insecure, boolean blocked,
                       boolean mirrorByDigestOnly, List<Mirror> mirrors, Path origin) {
    public Registry {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(location, "location");
        mirrors = List.copyOf(mirrors);
    }

    /** The mirrors a reference may be pulled from, in order, honouring the digest/tag restrictions. */
    public List<Mirror> mirrorsFor(boolean digested) {
        if (mirrorByDigestOnly) {
            return digested ? mirrors : List.of();
        }
        return mirrors.stream().filter(m -> m.pullFromMirror().allows(digested)).toList();
    }

    /**
     * The length of {@code reference} that {@code prefix} matches, or -1. As containers-registries.conf(5):
     * a plain prefix matches at the end of the reference or before a '/', ':' or '@'; a "*.example.com"
     * prefix matches any subdomain of example.com in the host part.
     */
    static int matchLength(String reference, String prefix) {
        if (prefix.startsWith("*.")) {
            String suffix = prefix.substring(1);
            int index = reference.indexOf(suffix);
            if (index < 0 || reference.substring(0, index).contains("/")) {
                return -1;
            }
            int end = index + suffix.length();
            return end == reference.length() || isBoundary(reference.charAt(end)) ? end : -1;
        }
        if (!reference.startsWith(prefix)) {
            return -1;
        }
        if (reference.length() == prefix.length()) {
            return prefix.length();
        }
        return isBoundary(reference.charAt(prefix.length())) ? prefix.length() : -1;
    }

    private static boolean isBoundary(char c) {
        return c == '/' || c == ':' || c == '@';
    }
}
