package dev.vaina.cli.common;

import dev.vaina.image.registry.Platform;
import dev.vaina.spec.InvalidSpecException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options `pull`, `run` and `create` share for fetching an image from a registry (see {@link RegistryOptions}). */
public final class PullOptions extends RegistryOptions {
    @Option(names = "--registries-conf", paramLabel = "FILE",
            description = "registries.conf to use instead of the default files (also $VAINA_REGISTRIES_CONF).")
    public Path registriesConf;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "Platform to choose from a multi-platform image.")
    String platform;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture to choose (default: this machine's).")
    String arch;

    @Option(names = "--os", paramLabel = "OS", description = "Operating system to choose (default: linux).")
    String os;

    @Option(names = "--variant", paramLabel = "VARIANT", description = "Architecture variant to choose.")
    String variant;

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
}
