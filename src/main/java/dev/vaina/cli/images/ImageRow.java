package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.KeyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One line of `images`: an image under one of its names (or none, for a dangling image). */
record ImageRow(ImageRecord image, String repository, String tag) {
    private static final List<String> SORT_KEYS = List.of("size", "tag", "created", "id", "repository");

    static List<ImageRow> of(List<ImageRecord> images) {
        List<ImageRow> rows = new ArrayList<>();
        for (ImageRecord image : images) {
            if (image.repoTags().isEmpty()) {
                rows.add(new ImageRow(image, "<none>", "<none>"));
            }
            for (String name : image.repoTags()) {
                ImageReference ref = ImageReference.parse(name, ImageReference.LOCAL_REGISTRY);
                rows.add(new ImageRow(image, ref.name(), ref.tag()));
            }
        }
        return rows;
    }

    /** The default order. A class, not a lambda: a JVM's first lambda costs about 4 ms of every `images`. */
    private static final Comparator<ImageRow> NEWEST_FIRST = new Comparator<>() {
        @Override
        public int compare(ImageRow a, ImageRow b) {
            return b.image.createdInstant().compareTo(a.image.createdInstant());
        }
    };

    /** `images --sort KEY`, in Podman's orders: newest and largest first, names and ids ascending. */
    static Comparator<ImageRow> order(String key) {
        return switch (key) {
            case "created" -> NEWEST_FIRST;
            case "size" -> KeyOrder.by((ImageRow r) -> r.image.size()).reversed();
            case "id" -> KeyOrder.by((ImageRow r) -> r.image.id());
            case "repository" -> KeyOrder.by(ImageRow::repository);
            case "tag" -> KeyOrder.by(ImageRow::tag);
            default -> throw new CommandFailedException(ExitCodes.ENGINE, "\"" + key
                    + "\" is not a valid field for sorting. Choose from: " + String.join(", ", SORT_KEYS));
        };
    }
}
