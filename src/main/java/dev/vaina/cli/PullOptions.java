package dev.vaina.cli;

import dev.vaina.image.registry.Platform;
import dev.vaina.image.registry.RetryPolicy;
import dev.vaina.spec.InvalidSpecException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options `pull`, `run` and `create` share for fetching an image from a registry. */
final class PullOptions {
    @Option(names = "--tls-verify", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Require HTTPS with a verified certificate (default: true unless registries.conf marks the registry insecure).")
    Boolean tlsVerify;

    @Option(names = "--creds", paramLabel = "USER[:PASSWORD]", description = "Credentials for the registry.")
    String creds;

    @Option(names = "--authfile", paramLabel = "FILE", description = "Credentials file (default: as `vaina login` writes it).")
    Path authfile;

    @Option(names = "--cert-dir", paramLabel = "DIR", description = "CA certificates (*.crt) to trust for the registry.")
    Path certDir;

    @Option(names = "--registries-conf", paramLabel = "FILE",
            description = "registries.conf to use instead of the default files (also $VAINA_REGISTRIES_CONF).")
    Path registriesConf;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "Platform to choose from a multi-platform image.")
    String platform;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture to choose (default: this machine's).")
    String arch;

    @Option(names = "--os", paramLabel = "OS", description = "Operating system to choose (default: linux).")
    String os;

    @Option(names = "--variant", paramLabel = "VARIANT", description = "Architecture variant to choose.")
    String variant;

    @Option(names = "--retry", paramLabel = "N", description = "Retries after a transient failure (default: 3).")
    Integer retry;

    @Option(names = "--retry-delay", paramLabel = "DURATION", description = "First delay between retries, doubling each time (default: 1s).")
    String retryDelay;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress.")
    boolean quiet;

    Platform platform() {
        if (platform != null) {
            if (arch != null || os != null || variant != null) {
                throw new InvalidSpecException("--platform cannot be combined with --arch, --os or --variant");
            }
            return Platform.parse(platform);
        }
        Platform host = Platform.host();
        if (arch == null && os == null && variant == null) {
            return host;
        }
        return new Platform(os != null ? os : host.os(), arch != null ? arch : host.architecture(),
                variant != null ? variant : arch == null ? host.variant() : null);
    }

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
