package dev.vaina.cli.common;

import dev.vaina.image.ImagePuller;
import dev.vaina.image.ImageRecord;
import dev.vaina.image.PullReference;
import dev.vaina.image.PulledImage;
import dev.vaina.image.naming.ParsedReference;
import dev.vaina.image.naming.PullCandidate;
import dev.vaina.image.naming.PullEndpoint;
import dev.vaina.image.naming.RegistriesConf;
import dev.vaina.image.naming.ShortNameResolver;
import dev.vaina.image.registry.PullListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls what the user named, as Podman does: the name is resolved through registries.conf (aliases,
 * search registries, rewrites and mirrors) into candidates, each tried at its endpoints in order, until
 * one delivers the image.
 */
public final class ImageFetcher {
    private final Context context;
    private final PullOptions options;
    private final PrintWriter progress;

    public ImageFetcher(Context context, PullOptions options, PrintWriter progress) {
        this.context = context;
        this.options = options;
        this.progress = progress;
    }

    public ImageRecord pull(String userInput) throws IOException {
        try (StartTimeoutExtension extension = StartTimeoutExtension.whilePulling(context.env())) {
            return pullCandidates(userInput);
        }
    }

    private ImageRecord pullCandidates(String userInput) throws IOException {
        RegistryAccess.prepareAhead(context, options, userInput);
        RegistryAccess access = new RegistryAccess(context, options);
        context.useRegistriesConf(options.registriesConf);
        RegistriesConf conf = context.registriesConf();
        for (String warning : conf.warnings()) {
            progress.println("WARN: " + warning);
        }
        ShortNameResolver resolver = new ShortNameResolver(conf);
        List<PullCandidate> candidates = resolver.resolve(userInput);
        if (!options.quiet) {
            String notice = resolver.aliasNotice(userInput).orElse(null);
            if (notice != null) {
                progress.println(notice);
            }
        }
        ImagePuller puller = new ImagePuller(context.images(), access.certsRoots());
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
                            access.client(endpoint.registryHost(), endpoint.insecure()), options.platform(),
                            options.quiet ? PullListener.NONE : PullProgress.forStderr(progress));
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

    private static PullReference reference(ParsedReference parsed) {
        return new PullReference(parsed.domain(), parsed.path(), parsed.tag(), parsed.digest());
    }
}
