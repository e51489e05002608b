package dev.vaina.cli.common;

import dev.vaina.image.registry.RetryPolicy;
import dev.vaina.spec.InvalidSpecException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every verb that talks to a registry shares (pull, push, and run/create through pull). */
public class RegistryOptions {
    @Option(names = "--tls-verify", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Require HTTPS with a verified certificate (default: true unless registries.conf marks the registry insecure).")
    Boolean tlsVerify;

    @Option(names = "--creds", paramLabel = "USER[:PASSWORD]", description = "Credentials for the registry.")
    String creds;

    @Option(names = "--authfile", paramLabel = "FILE", description = "Credentials file (default: as `vaina login` writes it).")
    Path authfile;

    @Option(names = "--cert-dir", paramLabel = "DIR", description = "CA certificates (*.crt) to trust for the registry.")
    Path certDir;

    @Option(names = "--retry", paramLabel = "N", description = "Retries after a transient failure (default: 3).")
    Integer retry;

    @Option(names = "--retry-delay", paramLabel = "DURATION", description = "First delay between retries, doubling each time (default: 1s).")
    String retryDelay;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress.")
    public boolean quiet;

    RetryPolicy retryPolicy() {
        if (retry == null && retryDelay == null) {
            return RetryPolicy.DEFAULT;
        }
        int attempts = retry != null ? retry : RetryPolicy.DEFAULT.attempts();
        if (attempts < 0) {
            throw new InvalidSpecException("invalid --retry " + attempts + ": must be 0 or more");
        }
        Duration delay = retryDelay != null ? GoDuration.parse(retryDelay) : RetryPolicy.DEFAULT.delay();
        return new RetryPolicy(attempts, delay);
    }
}
