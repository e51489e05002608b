package dev.vaina.image.naming;

import dev.vaina.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a user's image name means, as Podman's short-name resolution decides it: a fully qualified name is
 * itself; a short name is its alias (configured, else built in), else one candidate per
 * unqualified-search registry, in order. vaina never prompts: with short-name-mode "enforcing" an ambiguous
 * short name is an error, as in Podman without a TTY.
 */
public final class ShortNameResolver {
    private final RegistriesConf conf;

    public ShortNameResolver(RegistriesConf conf) {
        this.conf = Objects.requireNonNull(conf, "conf");
    }

    /** The candidates to pull, in order; never empty. */
    public List<PullCandidate> resolve(String userInput) {
        ParsedReference input = ParsedReference.parse(userInput);
        if (!input.isShortName()) {
            return List.of(candidate(input.normalized(), true));
        }
        Optional<Alias> alias = alias(input.path());
        if (alias.isPresent()) {
            ParsedReference target = alias.get().target();
            ParsedReference named = new ParsedReference(target.domain(), target.path(), input.tag(), input.digest());
            return List.of(candidate(named.normalized(), true));
        }
        List<String> search = conf.searchRegistries();
        if (search.isEmpty()) {
            String where = conf.searchOrigin().isEmpty()
                    ? conf.files().isEmpty() ? "no containers-registries.conf(5) was found"
                    : "no unqualified-search registries are defined in " + quoted(conf.describeFiles())
                    : "no unqualified-search registries are defined in " + quoted(conf.searchOrigin());
            throw new ImageNameException("short-name " + quoted(userInput) + " did not resolve to an alias and "
                    + where);
        }
        List<ParsedReference> names = search.stream().map(input::under).toList();
        if (names.size() > 1 && conf.shortNameMode() == ShortNameMode.ENFORCING) {
            throw new ImageNameException("short-name resolution enforced but cannot prompt without a TTY: "
                    + quoted(userInput) + " could be any of "
                    + names.stream().map(ParsedReference::toString).collect(Collectors.joining(", "))
                    + " (use a fully qualified name or add an alias to registries.conf)");
        }
        List<PullCandidate> candidates = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (ParsedReference name : names) {
            Optional<Registry> registry = conf.registryFor(name.toString());
            if (registry.isPresent() && registry.get().blocked()) {
                blocked.add(blockedMessage(name, registry.get()));
            } else {
                candidates.add(candidate(name, false));
            }
        }
        if (candidates.isEmpty()) {
            throw new ImageNameException(String.join("; ", blocked));
        }
        return candidates;
    }

    /**
     * The names under which a short name is looked for among stored images, in Podman's order: localhost/NAME,
     * then NAME under each unqualified-search registry (no alias: Podman 4.3 looks aliases up only to pull).
     * Never fails: a bad short-name mode or a blocked registry matters only to a pull.
     *
     * @param shortName NAME[:TAG] without registry or digest
     */
    public List<String> localCandidates(String shortName) {
        ParsedReference input;
        try {
            input = ParsedReference.parse(shortName);
        } catch (InvalidSpecException e) {
            return List.of(); // not a name any image can have
        }
        List<String> names = new ArrayList<>();
        names.add(input.under("localhost").toString());
        for (String registry : conf.searchRegistries()) {
            String name = input.under(registry).toString();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The note Podman prints on stderr when a short name resolves through an alias, e.g.
     * {@code Resolved "alpine" as an alias (/etc/containers/registries.conf.d/shortnames.conf)}; empty otherwise.
     */
    public Optional<String> aliasNotice(String userInput) {
        ParsedReference input = ParsedReference.parse(userInput);
        if (!input.isShortName()) {
            return Optional.empty();
        }
        Alias alias = alias(input.path()).orElse(null);
        return alias == null ? Optional.empty()
                : Optional.of("Resolved " + quoted(input.path()) + " as an alias (" + alias.origin() + ")");
    }

    /** The alias of a short name (without tag or digest): configured first, then built in. */
    public Optional<Alias> alias(String shortName) {
        Alias configured = conf.aliases().get(shortName);
        return Optional.ofNullable(configured != null ? configured : BuiltinAliases.find(shortName));
    }

    private PullCandidate candidate(ParsedReference name, boolean failIfBlocked) {
        Optional<Registry> match = conf.registryFor(name.toString());
        if (match.isEmpty()) {
            return new PullCandidate(name, List.of(new PullEndpoint(name, false, false)));
        }
        Registry registry = match.get();
        if (registry.blocked() && failIfBlocked) {
            throw new ImageNameException(blockedMessage(name, registry));
        }
        List<PullEndpoint> endpoints = new ArrayList<>();
        for (Mirror mirror : registry.mirrorsFor(name.hasDigest())) {
            endpoints.add(new PullEndpoint(rewrite(name, registry.prefix(), mirror.location()), mirror.insecure(), true));
        }
        ParsedReference primary = registry.location().isEmpty() ? name : rewrite(name, registry.prefix(), registry.location());
        endpoints.add(new PullEndpoint(primary, registry.insecure(), false));
        return new PullCandidate(name, endpoints);
    }

    private static String blockedMessage(ParsedReference name, Registry registry) {
        return "Tried to pull " + name + " but registry " + quoted(registry.prefix()) + " is blocked in "
                + registry.origin();
    }

    /** The part of the reference after the matched prefix, appended to the location (containers/image's rule). */
    private static ParsedReference rewrite(ParsedReference name, String prefix, String location) {
        String text = name.toString();
        int length = Registry.matchLength(text, prefix);
        String rewritten = location + text.substring(length);
        try {
            ParsedReference reference = ParsedReference.parse(rewritten);
            if (reference.isShortName()) {
                throw new IllegalArgumentException("it has no registry host");
            }
            return reference.normalized();
        } catch (IllegalArgumentException e) {
            throw new ImageNameException("Tried to rewrite " + name + " for location " + quoted(location)
                    + " (prefix " + quoted(prefix) + ") but got " + quoted(rewritten) + ", which is not a valid "
                    + "reference: " + e.getMessage());
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
