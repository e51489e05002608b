package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;
import java.util.List;

/** x.image -> x-image.service: `vaina pull ... IMAGE`, once; containers naming Image=x.image start after it. */
final class ImageConverter {
    private static final String SECTION = "Image";

    static final KeyTable KEYS = new KeyTable(SECTION)
            .handled("Image", "ImageTag", "ServiceName", "PodmanArgs", "GlobalArgs")
            .flag("AllTags", "--all-tags")
            .value("Arch", "--arch")
            .value("AuthFile", "--authfile")
            .value("CertDir", "--cert-dir")
            .value("Creds", "--creds")
            .value("DecryptionKey", "--decryption-key")
            .value("OS", "--os")
            .bool("TLSVerify", "--tls-verify")
            .value("Variant", "--variant")
            .value("Retry", "--retry")
            .value("RetryDelay", "--retry-delay")
            .value("Policy", "--policy");

    private ImageConverter() {
    }

    /** The name containers use for the image: ImageTag= if set, else Image=. */
    static String imageName(Definition image) {
        return image.last(SECTION, "ImageTag").or(() -> image.last(SECTION, "Image")).map(UnitFile.Located::value)
                .orElseThrow(() -> missingImage(image));
    }

    static UnitFile convert(Definition definition, DefinitionSet all, Tools tools) {
        String image = definition.last(SECTION, "Image").map(UnitFile.Located::value).filter(v -> !v.isEmpty())
                .orElseThrow(() -> missingImage(definition));
        return OneshotUnit.of(definition, all, tools, KEYS, List.of("pull"), image)
                .unit("Wants", "network-online.target")
                .unit("After", "network-online.target")
                .build();
    }

    private static DefinitionException missingImage(Definition image) {
        return DefinitionException.of(image.path().toString(), "[Image] has no Image=: it is required");
    }
}
