package dev.vaina.image.naming;

import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.ReferenceSyntax;
import java.util.Locale;
import java.util.Optional;

/**
 * An image reference as the user typed it: {@code [DOMAIN/]PATH[:TAG][@DIGEST]}, validated by the grammar of
 * the distribution project's reference package (the one Podman and Docker use), with their messages. A
 * reference without a domain is a short name; {@link #normalized()} gives the name an image is stored under.
 */
public record ParsedReference(String domain, String path, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_LEGACY = "index.docker.io";
    private static final int NAME_MAX = 255;
    private static final String INVALID = "invalid reference format";

    public ParsedReference {
        if (domain != null && !ReferenceSyntax.isDomain(domain)) {
            throw invalid(": registry \"" + domain + "\" is not a host[:port]");
        }
        if (path == null || path.isEmpty()) {
            throw new InvalidSpecException(INVALID + ": repository name must have at least one component");
        }
        for (String component : path.split("/", -1)) {
            if (!ReferenceSyntax.isPathComponent(component)) {
                boolean lowercaseWouldDo = ReferenceSyntax.isPathComponent(component.toLowerCase(Locale.ROOT));
                throw invalid(lowercaseWouldDo ? ": repository name must be lowercase" : "");
            }
        }
        if ((domain == null ? 0 : domain.length() + 1) + path.length() > NAME_MAX) {
            throw new InvalidSpecException(INVALID + ": repository name must not be more than 255 characters");
        }
        if (tag != null && !ReferenceSyntax.isTag(tag)) {
            throw new InvalidSpecException(INVALID + " \"" + tag + "\": tag must be up to 128 letters, digits, "
                    + "'_', '.' or '-', not starting with '.' or '-'");
        }
        if (digest != null && !ReferenceSyntax.isDigest(digest)) {
            throw new InvalidSpecException("invalid digest format \"" + digest
                    + "\": expected sha256: and 64 lowercase hex digits (or sha512: and 128)");
        }
    }

    /**
     * Parses NAME[:TAG][@DIGEST]. The first path component is a domain when it holds a '.' or a ':' or is
     * "localhost" (the same rule as Podman's); otherwise the whole name is a short name.
     */
    public static ParsedReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSpecException(INVALID + ": repository name must have at least one component");
        }
        if (ReferenceSyntax.isLowerHex(text, 64)) {
            throw new InvalidSpecException("invalid repository name (" + text
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (digest.isEmpty() || rest.isEmpty()) {
                throw invalid("");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (tag.isEmpty()) {
                throw invalid("");
            }
        }
        String domain = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String head = rest.substring(0, slash);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                domain = head;
                rest = rest.substring(slash + 1);
            }
        }
        return new ParsedReference(domain, rest, tag, digest);
    }

    private static InvalidSpecException invalid(String detail) {
        return new InvalidSpecException(INVALID + detail);
    }

    /** Whether {@code text} is a registry host[:port] as references spell it. */
    public static boolean isRegistryHost(String text) {
        return ReferenceSyntax.isDomain(text);
    }

    public boolean isShortName() {
        return domain == null;
    }

    /** The same repository under {@code registry} (a host[:port], possibly with a namespace path). */
    public ParsedReference under(String registry) {
        return parse(registry + "/" + path + suffix()).normalized();
    }

    /**
     * Docker Hub's spelling rules (index.docker.io is docker.io; one-word names live in library/) and
     * ":latest" when neither a tag nor a digest was given. Only for fully qualified references.
     */
    public ParsedReference normalized() {
        if (domain == null) {
            throw new IllegalStateException("a short name has no normal form: " + this);
        }
        String host = domain.equals(DOCKER_HUB_LEGACY) ? DOCKER_HUB : domain;
        String repository = host.equals(DOCKER_HUB) && !path.contains("/") ? "library/" + path : path;
        String normalTag = tag == null && digest == null ? "latest" : tag;
        return new ParsedReference(host, repository, normalTag, digest);
    }

    /** domain/path without tag or digest (or only the path for a short name). */
    public String name() {
        return domain == null ? path : domain + "/" + path;
    }

    /** The same name with neither tag nor digest. */
    public ParsedReference withoutTagOrDigest() {
        return new ParsedReference(domain, path, null, null);
    }

    public boolean hasDigest() {
        return digest != null;
    }

    /** The name with its tag, as {@link ImageReference} (which has no digests), when there is a tag. */
    public Optional<ImageReference> imageReference() {
        if (domain == null || tag == null) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(domain, path, tag));
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return name() + suffix();
    }

}
