package dev.vaina.image.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An OCI image manifest or Docker schema 2 manifest: the config blob and the layers, bottom first. */
public record ImageManifest(String digest, Descriptor config, List<Descriptor> layers) {
    public ImageManifest {
        layers = List.copyOf(layers);
    }

    static ImageManifest parse(byte[] bytes, String digest) throws IOException {
        Map<String, Object> document = Manifest.parse(bytes);
        Object schema = document.get("schemaVersion");
        if (schema instanceof Number && ((Number) schema).intValue() != 2) {
            throw new IOException("manifest " + digest + " has schemaVersion " + schema + "; only schema 2 is supported");
        }
        try {
            Descriptor config = Descriptor.fromJson(document.get("config"), "config");
            Object entries = document.get("layers");
            if (!(entries instanceof List)) {
                throw new IllegalArgumentException("there is no \"layers\" list");
            }
            List<Descriptor> layers = new ArrayList<>();
            int i = 0;
            for (Object entry : (List<?>) entries) {
                layers.add(Descriptor.fromJson(entry, "layers[" + i++ + "]"));
            }
            return new ImageManifest(digest, config, layers);
        } catch (IllegalArgumentException e) {
            throw new IOException("image manifest " + digest + ": " + e.getMessage(), e);
        }
    }
}
