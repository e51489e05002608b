package dev.vaina.image;

import dev.vaina.spec.Instants;
import dev.vaina.spec.json.JsonInput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An image's history as {@code history} shows it: its config's history entries, newest first, each with the
 * layer it made. An entry's id is that of the stored image whose top layer that layer is (the image itself
 * for the newest), or {@code <missing>}, as Podman shows them.
 */
public final class ImageHistory {
    public static final String MISSING = "<missing>";

    /** One entry; {@code size} is its layer's tar size, 0 for an entry that made no layer. */
    public record Entry(String id, Instant created, String createdBy, long size, String comment, List<String> tags) {
    }

    private ImageHistory() {
    }

    public static List<Entry> of(ImageStore store, ImageRecord image) throws IOException {
        Map<String, Object> document = JsonInput.parseObject(store.configJson(image), "the configuration of image " + image.id());
        List<?> history = document.get("history") instanceof List<?> list ? list : List.of();
        List<ImageRecord> all = store.list();
        List<Entry> entries = new ArrayList<>();
        int layer = 0;
        for (Object item : history) {
            Map<?, ?> entry = item instanceof Map<?, ?> map ? map : Map.of();
            boolean empty = Boolean.TRUE.equals(entry.get("empty_layer")) || layer >= image.layers().size();
            String id = MISSING;
            List<String> tags = List.of();
            long size = 0;
            if (!empty) {
                List<String> below = image.layers().subList(0, layer + 1);
                for (ImageRecord other : all) {
                    if (other.layers().equals(below)) {
                        id = other.id();
                        tags = other.repoTags();
                        break;
                    }
                }
                size = size(store, image.layers().get(layer));
                layer++;
            }
            Object created = entry.get("created");
            entries.add(new Entry(id, created == null ? image.createdInstant() : Instants.parse(created.toString()),
                    text(entry.get("created_by")), size, text(entry.get("comment")), tags));
        }
        Collections.reverse(entries);
        if (!entries.isEmpty()) {
            Entry newest = entries.get(0);
            entries.set(0, new Entry(image.id(), newest.created(), newest.createdBy(), newest.size(), newest.comment(),
                    image.repoTags()));
        }
        return entries;
    }

    /** As kept when the layer was stored; measured (its whole tree read) for a layer stored before sizes were kept. */
    private static long size(ImageStore store, String diffIdHex) throws IOException {
        OptionalLong kept = LayerSizes.read(store.layout(), diffIdHex);
        return kept.isPresent() ? kept.getAsLong()
                : new LayerArchiver(store.layout()).measure(store.layout().layer(diffIdHex)).size();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
