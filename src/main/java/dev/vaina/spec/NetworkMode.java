package dev.vaina.spec;

/**
 * --network: where the container's network namespace comes from.
 *
 * <ul>
 * <li>{@code DEFAULT}: the engine's default (rootful: vaina's bridge through netavark; rootless: pasta or
 * slirp4netns as configured); {@code private} and {@code bridge} mean the same today.</li>
 * <li>{@code PASTA}, {@code SLIRP4NETNS}: a namespace of its own, connected by that helper.</li>
 * <li>{@code NONE}: a namespace of its own with only the loopback device.</li>
 * <li>{@code HOST}: the host's namespace.</li>
 * <li>{@code CONTAINER}: another container's namespace ({@code value} is its name or id).</li>
 * <li>{@code NS}: a namespace bound at a path ({@code value}).</li>
 * </ul>
 */
public record NetworkMode(Kind kind, String value) {
    public enum Kind { DEFAULT, PASTA, SLIRP4NETNS, NONE, HOST, CONTAINER, NS }

    public static final NetworkMode DEFAULT = new NetworkMode(Kind.DEFAULT, null);

    public static NetworkMode parse(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT;
        }
        switch (text) {
            case "default", "private", "bridge":
                return DEFAULT;
            case "pasta":
                return new NetworkMode(Kind.PASTA, null);
            case "slirp4netns":
                return new NetworkMode(Kind.SLIRP4NETNS, null);
            case "none":
                return new NetworkMode(Kind.NONE, null);
            case "host":
                return new NetworkMode(Kind.HOST, null);
            default:
                break;
        }
        if (text.startsWith("container:") && text.length() > "container:".length()) {
            return new NetworkMode(Kind.CONTAINER, text.substring("container:".length()));
        }
        if (text.startsWith("ns:") && text.startsWith("ns:/")) {
            return new NetworkMode(Kind.NS, text.substring("ns:".length()));
        }
        if (text.startsWith("ns:")) {
            throw new InvalidSpecException("invalid network \"" + text + "\": ns: needs an absolute path");
        }
        if (text.contains(":")) {
            throw new InvalidSpecException("invalid network \"" + text + "\": options after a network name are not"
                    + " supported; use --network-alias, --ip and --mac-address");
        }
        throw new InvalidSpecException("unable to find network with name or ID " + text + ": network not found");
    }

    /** Whether {@code text} names a network (made by network create, or the default one) rather than a mode. */
    public static boolean isNetworkName(String text) {
        if (text == null || text.isEmpty() || text.contains(":")) {
            return false;
        }
        return switch (text) {
            case "default", "private", "bridge", "pasta", "slirp4netns", "none", "host" -> false;
            default -> true;
        };
    }

    /** Whether the container has a network namespace of its own that a helper must connect. */
    public boolean ownNamespace() {
        return kind == Kind.DEFAULT || kind == Kind.PASTA || kind == Kind.SLIRP4NETNS || kind == Kind.NONE;
    }

    /** Whether published ports mean anything: not in none, host, container: or ns: modes (Podman drops them). */
    public boolean publishes() {
        return kind == Kind.DEFAULT || kind == Kind.PASTA || kind == Kind.SLIRP4NETNS;
    }

    /** The form the user gives and inspect shows: bridge, pasta, none, host, container:X, ns:/path. */
    @Override
    public String toString() {
        return switch (kind) {
            case DEFAULT -> "bridge";
            case PASTA -> "pasta";
            case SLIRP4NETNS -> "slirp4netns";
            case NONE -> "none";
            case HOST -> "host";
            case CONTAINER -> "container:" + value;
            case NS -> "ns:" + value;
        };
    }
}
