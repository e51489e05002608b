package dev.vaina.cli;

import dev.vaina.image.ImagePuller;
import dev.vaina.image.ImageRecord;
import dev.vaina.image.PullReference;
import dev.vaina.image.PulledImage;
import dev.vaina.image.naming.AuthFile;
import dev.vaina.image.naming.ParsedReference;
import dev.vaina.image.naming.PullCandidate;
import dev.vaina.image.naming.PullEndpoint;
import dev.vaina.image.naming.RegistriesConf;
import dev.vaina.image.naming.ShortNameResolver;
import dev.vaina.image.registry.Credentials;
import dev.vaina.image.registry.CredentialsProvider;
import dev.vaina.image.registry.RegistryClient;
import dev.vaina.image.registry.RegistryEndpoint;
import dev.vaina.spec.InvalidSpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pulls what the user named, as Podman does: the name is resolved through registries.conf (aliases,
 * search registries, rewrites and mirrors) into candidates, each tried at its endpoints in order, until
 * one delivers the image.
 */
final class ImageFetcher {
    private final Context context;
    private final PullOptions options;
    private final PrintWriter progress;

    ImageFetcher(Context context, PullOptions options, PrintWriter progress) {
        this.context = context;
        this.options = options;
        this.progress = progress;
    }

    ImageRecord pull(String userInput) throws IOException {
        RegistriesConf conf = RegistriesConf.load(registriesConfFiles());
        conf.warnings().forEach(warning -> progress.println("WARN: " + warning));
        ShortNameResolver resolver = new ShortNameResolver(conf);
        List<PullCandidate> candidates = resolver.resolve(userInput);
        if (!options.quiet) {
            resolver.aliasNotice(userInput).ifPresent(progress::println);
        }
        ImagePuller puller = new ImagePuller(context.images(), certsRoots());
        CredentialsProvider credentials = credentials();
        List<String> failures = new ArrayList<>();
        IOException last = null;
        for (PullCandidate candidate : candidates) {
            if (!options.quiet) {
                progress.println(candidate.tryingMessage());
                progress.flush();
            }
            PullReference storedAs = reference(candidate.name());
            for (PullEndpoint endpoint : candidate.endpoints()) {
                try {
                    PulledImage pulled = puller.pull(reference(endpoint.reference()), storedAs,
                            new RegistryClient(registryEndpoint(endpoint), credentials, options.retryPolicy(), certsRoots()),
                            options.platform(), options.quiet ? dev.vaina.image.registry.PullListener.NONE
                                    : new PullProgress(progress));
                    return pulled.image();
                } catch (IOException e) {
                    last = e;
                    failures.add(endpoint.reference() + ": " + e.getMessage());
                }
            }
        }
        if (failures.size() == 1) {
            throw last;
        }
        throw new IOException("unable to pull " + userInput + ": " + String.join("; ", failures), last);
    }

    private List<Path> registriesConfFiles() throws IOException {
        if (options.registriesConf != null) {
            return List.of(options.registriesConf);
        }
        String fromEnv = context.env().get("VAINA_REGISTRIES_CONF");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return List.of(Path.of(fromEnv));
        }
        return RegistriesConf.defaultFiles(context.env(), context.layout().rootless());
    }

    private List<Path> certsRoots() {
        return options.certDir != null ? List.of(options.certDir) : RegistryClient.defaultCertsRoots(context.env());
    }

    /** --tls-verify=false makes every registry insecure: plain HTTP allowed, any certificate accepted. */
    private RegistryEndpoint registryEndpoint(PullEndpoint endpoint) {
        boolean insecure = endpoint.insecure() || Boolean.FALSE.equals(options.tlsVerify);
        return new RegistryEndpoint(endpoint.registryHost(), insecure, !insecure);
    }

    private CredentialsProvider credentials() {
        if (options.creds != null) {
            int colon = options.creds.indexOf(':');
            if (colon <= 0) {
                throw new InvalidSpecException("invalid --creds \"" + maskPassword(options.creds)
                        + "\": give USER:PASSWORD");
            }
            Credentials given = new Credentials(options.creds.substring(0, colon), options.creds.substring(colon + 1));
            return host -> Optional.of(given);
        }
        AuthFile auth = AuthFile.forUser(context.env(), Users.uid(), options.authfile);
        return host -> {
            try {
                return auth.find(host).map(entry -> new Credentials(entry.username(), entry.password()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static String maskPassword(String creds) {
        int colon = creds.indexOf(':');
        return colon < 0 ? creds : creds.substring(0, colon) + ":***";
    }

    private static PullReference reference(ParsedReference parsed) {
        return new PullReference(parsed.domain(), parsed.path(), parsed.tag(), parsed.digest());
    }
}
