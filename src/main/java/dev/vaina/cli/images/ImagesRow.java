package dev.vaina.cli.images;

import dev.vaina.cli.common.GoTime;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoNilMap;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** One tag of an image as {@code images --format TEMPLATE} sees it: Podman 4.3's image row fields, by name. */
final class ImagesRow {
    /** Podman's name for the row type, which its template errors show. */
    private static final String TYPE = "images.imageReporter";

    private record Source(ImageRecord image, String repository, String tag, long containers, Instant now,
            boolean noTrunc) {
        String ago() {
            return HumanDuration.ago(image.createdInstant(), now);
        }
    }

    private static final Map<String, Function<Source, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("ID", s -> s.noTrunc ? "sha256:" + s.image.id() : s.image.shortId());
        FIELDS.put("Repository", Source::repository);
        FIELDS.put("Tag", Source::tag);
        FIELDS.put("Digest", s -> ImageUse.digest(s.image));
        FIELDS.put("Created", Source::ago);
        FIELDS.put("CreatedSince", Source::ago);
        FIELDS.put("CreatedAt", s -> GoTime.format(s.image.createdInstant()));
        FIELDS.put("Size", s -> HumanSize.format(s.image.size()));
        FIELDS.put("ReadOnly", s -> false);
        FIELDS.put("History", s -> String.join(", ", s.image.repoTags()));
        FIELDS.put("Containers", Source::containers);
        FIELDS.put("Dangling", s -> s.image.repoTags().isEmpty());
        FIELDS.put("Names", s -> s.image.repoTags());
        FIELDS.put("Labels", s -> GoNilMap.INSTANCE);
        FIELDS.put("RepoTags", s -> s.image.repoTags());
        FIELDS.put("RepoDigests", s -> ImageUse.repoDigests(s.image));
        FIELDS.put("VirtualSize", s -> s.image.size());
        FIELDS.put("SharedSize", s -> 0L);
        FIELDS.put("ParentId", s -> "");
    }

    static final Map<String, String> HEADERS = OutputFormat.headers(FIELDS.keySet(),
            Map.of("ID", "IMAGE ID", "CreatedSince", "CREATED", "ReadOnly", "R/O"));

    private ImagesRow() {
    }

    static GoStruct of(ImageRecord image, String repository, String tag, long containers, Instant now, boolean noTrunc) {
        Source source = new Source(image, repository, tag, containers, now, noTrunc);
        return OutputFormat.row(TYPE, FIELDS, source);
    }
}
