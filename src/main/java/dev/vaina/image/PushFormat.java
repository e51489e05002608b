package dev.vaina.image;

import dev.vaina.image.registry.MediaTypes;
import dev.vaina.spec.InvalidSpecException;
import java.util.Locale;

/** The manifest format a push writes (Podman's {@code --format}): OCI by default, or Docker's schema 2. */
public enum PushFormat {
    OCI(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, MediaTypes.OCI_LAYER_GZIP),
    V2S2(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG, MediaTypes.DOCKER_LAYER_GZIP);

    private final String manifestType;
    private final String configType;
    private final String layerType;

    PushFormat(String manifestType, String configType, String layerType) {
        this.manifestType = manifestType;
        this.configType = configType;
        this.layerType = layerType;
    }

    /** "oci" or "v2s2", as Podman spells them. */
    public static PushFormat parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "oci" -> OCI;
            case "v2s2", "docker" -> V2S2;
            default -> throw new InvalidSpecException("unsupported manifest format \"" + text + "\": use oci or v2s2");
        };
    }

    public String manifestType() {
        return manifestType;
    }

    public String configType() {
        return configType;
    }

    public String layerType() {
        return layerType;
    }
}
