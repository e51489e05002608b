package dev.vaina.spec;

/**
 * A fully qualified image name: registry/repository:tag. Short names without a registry are qualified
 * with "localhost/" for locally made images, as Podman does for import.
 */
public record ImageReference(String registry, String repository, String tag) {
    public static final String LOCAL_REGISTRY = "localhost";

    public ImageReference {
        if (!isRegistry(registry)) {
            throw new InvalidSpecException("invalid reference format: registry \"" + registry + "\" is not a host[:port]");
        }
        for (String part : repository.split("/", -1)) {
            if (!isComponent(part)) {
                throw new InvalidSpecException("invalid reference format: repository name \"" + repository
                        + "\" must be lowercase letters, digits and separators (. _ __ -), components separated by /");
            }
        }
        if (!isTag(tag)) {
            throw new InvalidSpecException("invalid reference format: tag \"" + tag
                    + "\" must be up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
        }
    }

    // The three checks below read names by hand: as java.util.regex patterns they were compiled by `images` (which
    // parses the name of every image it lists) and by each image verb. They accept what [a-zA-Z0-9.-]+(?::[0-9]+)?,
    // [a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)* and [\w][\w.-]{0,127} matched, and nothing else; ImageReferenceTest
    // holds them to it.

    /** host[:port]: letters, digits, dots and dashes, then maybe a colon and a port's digits. */
    private static boolean isRegistry(String registry) {
        int colon = registry.indexOf(':');
        int hostEnd = colon < 0 ? registry.length() : colon;
        if (hostEnd == 0 || colon == registry.length() - 1) {
            return false; // no host, or a colon with no port after it
        }
        for (int i = 0; i < registry.length(); i++) {
            char c = registry.charAt(i);
            boolean allowed = i < hostEnd ? Ascii.isLetterOrDigit(c) || c == '.' || c == '-'
                    : i == colon || Ascii.isDigit(c);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * One component of a repository: runs of lower-case letters and digits, each two parted by one separator, which
     * is ".", "_", "__" or any number of "-".
     */
    private static boolean isComponent(String part) {
        int i = lowerOrDigitsEnd(part, 0);
        if (i == 0) {
            return false; // empty, or a separator first
        }
        while (i < part.length()) {
            int separator = i;
            while (i < part.length() && (part.charAt(i) == '.' || part.charAt(i) == '_' || part.charAt(i) == '-')) {
                i++;
            }
            if (!isSeparator(part.substring(separator, i))) {
                return false;
            }
            int run = i;
            i = lowerOrDigitsEnd(part, run);
            if (i == run) {
                return false; // a separator last, or a character no name has
            }
        }
        return true;
    }

    private static int lowerOrDigitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (Ascii.isLower(text.charAt(i)) || Ascii.isDigit(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(String text) {
        if (text.equals(".") || text.equals("_") || text.equals("__")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '-') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Up to 128 letters, digits, '_', '.' and '-', the first a letter, digit or '_'. */
    private static boolean isTag(String tag) {
        if (tag.isEmpty() || tag.length() > 128 || !isWord(tag.charAt(0))) {
            return false;
        }
        for (int i = 1; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(isWord(c) || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWord(char c) {
        return Ascii.isLetterOrDigit(c) || c == '_';
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
