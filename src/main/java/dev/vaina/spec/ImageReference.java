package dev.vaina.spec;

import java.util.regex.Pattern;

/**
 * A fully qualified image name: registry/repository:tag. Short names without a registry are qualified
 * with "localhost/" for locally made images, as Podman does for import.
 */
public record ImageReference(String registry, String repository, String tag) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern REGISTRY = Pattern.compile("[a-zA-Z0-9.-]+(?::[0-9]+)?");
    public static final String LOCAL_REGISTRY = "localhost";

    public ImageReference {
        if (!REGISTRY.matcher(registry).matches()) {
            throw new InvalidSpecException("invalid reference format: registry \"" + registry + "\" is not a host[:port]");
        }
        for (String part : repository.split("/", -1)) {
            if (!COMPONENT.matcher(part).matches()) {
                throw new InvalidSpecException("invalid reference format: repository name \"" + repository
                        + "\" must be lowercase letters, digits and separators (. _ __ -), components separated by /");
            }
        }
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidSpecException("invalid reference format: tag \"" + tag
                    + "\" must be up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
        }
    }

    /** Parses NAME[:TAG], qualifying a short name with the given default registry. */
    public static ImageReference parse(String text, String defaultRegistry) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSpecException("invalid reference format: the image name is empty");
        }
        if (text.contains("@")) {
            throw new InvalidSpecException("invalid reference format \"" + text + "\": digests are not supported here");
        }
        String rest = text;
        String tag = "latest";
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = defaultRegistry;
        int first = rest.indexOf('/');
        if (first > 0) {
            String head = rest.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                registry = head;
                rest = rest.substring(first + 1);
            }
        }
        return new ImageReference(registry, rest, tag);
    }

    /** registry/repository without the tag: the REPOSITORY column of `images`. */
    public String name() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return name() + ":" + tag;
    }
}
