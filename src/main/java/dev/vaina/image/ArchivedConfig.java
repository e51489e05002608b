package dev.vaina.image;

import java.io.IOException;
import java.util.List;

/**
 * The config of a stored image as it must travel with its re-archived layers ({@code save} and {@code push}):
 * the stored bytes when {@link LayerArchiver} reproduced every layer's diff_id, otherwise the same document with
 * the new diff_ids. Anything else would fail the receiver's diff_id checks; the price is a new image id for an
 * image whose original layer tars did not follow LayerArchiver's conventions (see {@link ArchiveWriter}).
 */
final class ArchivedConfig {
    private ArchivedConfig() {
    }

    /** @param archivedDiffIds the sha256 hexes of the layers as archived now, bottom first */
    static byte[] bytes(ImageStore store, ImageRecord image, List<String> archivedDiffIds) throws IOException {
        if (archivedDiffIds.size() != image.layers().size()) {
            throw new IllegalArgumentException("image " + image.id() + " has " + image.layers().size()
                    + " layers, not " + archivedDiffIds.size());
        }
        byte[] config = store.configJson(image);
        if (archivedDiffIds.equals(image.layers())) {
            return config;
        }
        return ConfigDocument.parse(config, "the config of image " + image.id()).withDiffIds(archivedDiffIds);
    }
}
