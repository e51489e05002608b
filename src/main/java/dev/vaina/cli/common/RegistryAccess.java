package dev.vaina.cli.common;

import dev.vaina.image.naming.AuthEntry;
import dev.vaina.image.naming.AuthFile;
import dev.vaina.image.naming.ParsedReference;
import dev.vaina.image.registry.Credentials;
import dev.vaina.image.registry.CredentialsProvider;
import dev.vaina.image.registry.PlainHttpRegistries;
import dev.vaina.image.registry.RegistryClient;
import dev.vaina.image.registry.RegistryEndpoint;
import dev.vaina.spec.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the registry options of one command become {@link RegistryClient}s: credentials from --creds or the auth
 * file, CA certificates from --cert-dir or the certs.d directories, and --tls-verify=false or registries.conf's
 * insecure flag. Pull and push share it, so both treat a registry the same way.
 */
public final class RegistryAccess {
    private final Context context;
    private final RegistryOptions options;
    private final CredentialsProvider credentials;

    public RegistryAccess(Context context, RegistryOptions options) {
        this.context = context;
        this.options = options;
        this.credentials = credentials(context, options);
    }

    List<Path> certsRoots() {
        return options.certDir != null ? List.of(options.certDir) : RegistryClient.defaultCertsRoots(context.env());
    }

    /**
     * Sets the connections up ahead, as a command about to reach the registry that {@code reference} names begins:
     * TLS too, unless that registry is remembered as answering plain HTTP (a short name's registry is not known yet,
     * and most answer https). A reference that does not parse is reported where it is used.
     */
    public static void prepareAhead(Context context, RegistryOptions options, String reference) {
        boolean plainHttp;
        try {
            String named = reference.startsWith("docker://") ? reference.substring("docker://".length()) : reference;
            String domain = ParsedReference.parse(named).domain();
            plainHttp = domain != null
                    && new PlainHttpRegistries(context.layout().plainHttpRegistries()).remembers(domain);
        } catch (IllegalArgumentException e) {
            plainHttp = false;
        }
        RegistryClient.prepareAhead(!plainHttp, !Boolean.FALSE.equals(options.tlsVerify));
    }

    /** A client for {@code host}; {@code insecure} is registries.conf's word for it, --tls-verify=false overrides. */
    public RegistryClient client(String host, boolean insecure) throws IOException {
        return new RegistryClient(endpoint(host, insecure), credentials, options.retryPolicy(), certsRoots(),
                new PlainHttpRegistries(context.layout().plainHttpRegistries()));
    }

    /** --tls-verify=false makes every registry insecure: plain HTTP allowed, any certificate accepted. */
    RegistryEndpoint endpoint(String host, boolean insecure) {
        boolean skipTls = insecure || Boolean.FALSE.equals(options.tlsVerify);
        return new RegistryEndpoint(host, skipTls, !skipTls);
    }

    private static CredentialsProvider credentials(Context context, RegistryOptions options) {
        if (options.creds != null) {
            int colon = options.creds.indexOf(':');
            if (colon <= 0) {
                throw new InvalidSpecException("invalid --creds \"" + maskPassword(options.creds)
                        + "\": give USER:PASSWORD");
            }
            return new Given(new Credentials(options.creds.substring(0, colon), options.creds.substring(colon + 1)));
        }
        return new FromAuthFile(AuthFile.forUser(context.env(), Users.uid(), options.authfile));
    }

    /** --creds: the same credentials for every registry. (Classes, not lambdas: see ClassDataArchiveTest.) */
    private record Given(Credentials credentials) implements CredentialsProvider {
        @Override
        public Optional<Credentials> find(String registryHost) {
            return Optional.of(credentials);
        }
    }

    /** The auth file's entry for the registry, if it has one. */
    private record FromAuthFile(AuthFile auth) implements CredentialsProvider {
        @Override
        public Optional<Credentials> find(String registryHost) {
            try {
                AuthEntry entry = auth.find(registryHost).orElse(null);
                return entry == null ? Optional.empty() : Optional.of(new Credentials(entry.username(), entry.password()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String maskPassword(String creds) {
        int colon = creds.indexOf(':');
        return colon < 0 ? creds : creds.substring(0, colon) + ":***";
    }
}
