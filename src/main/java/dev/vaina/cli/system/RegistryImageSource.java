package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ImageFetcher;
import dev.vaina.cli.common.PullOptions;
import dev.vaina.cli.common.RegistryAccess;
import dev.vaina.engine.AutoUpdate;
import dev.vaina.image.ImageRecord;
import dev.vaina.image.naming.ParsedReference;
import dev.vaina.image.naming.PullCandidate;
import dev.vaina.image.naming.PullEndpoint;
import dev.vaina.image.naming.ShortNameResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The registry side of auto-update, reached as `pull` reaches it: registries.conf, credentials, TLS settings. */
final class RegistryImageSource implements AutoUpdate.ImageSource {
    private final Context context;
    private final PullOptions options;
    private final PrintWriter progress;

    RegistryImageSource(Context context, PullOptions options, PrintWriter progress) {
        this.context = context;
        this.options = options;
        this.progress = progress;
    }

    @Override
    public String remoteDigest(String imageName) throws IOException {
        ParsedReference name = ParsedReference.parse(imageName);
        if (name.isShortName() || name.hasDigest()) {
            throw new IOException("auto-update needs a fully qualified image name with a tag, got " + imageName);
        }
        context.useRegistriesConf(options.registriesConf);
        RegistryAccess access = new RegistryAccess(context, options);
        List<String> failures = new ArrayList<>();
        for (PullCandidate candidate : new ShortNameResolver(context.registriesConf()).resolve(imageName)) {
            for (PullEndpoint endpoint : candidate.endpoints()) {
                try {
                    return access.client(endpoint.registryHost(), endpoint.insecure())
                            .fetchManifest(endpoint.repository(), endpoint.reference().tag()).digest();
                } catch (IOException e) {
                    failures.add(endpoint.reference() + ": " + e.getMessage());
                }
            }
        }
        throw new IOException("cannot look up " + imageName + " in its registry: " + String.join("; ", failures));
    }

    @Override
    public ImageRecord pull(String imageName) throws IOException {
        return new ImageFetcher(context, options, progress).pull(imageName);
    }
}
