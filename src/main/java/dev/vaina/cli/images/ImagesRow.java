package dev.vaina.cli.images;

import dev.vaina.cli.common.GoTime;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoNilMap;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import java.time.Instant;
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

    /** The fields, in Podman's order, by the template's names (see {@link OutputFormat#fields}). */
    private enum Field implements Function<Source, Object> {
        ID, Repository, Tag, Digest, Created, CreatedSince, CreatedAt, Size, ReadOnly, History, Containers, Dangling,
        Names, Labels, RepoTags, RepoDigests, VirtualSize, SharedSize, ParentId;

        @Override
        public Object apply(Source s) {
            ImageRecord image = s.image;
            return switch (this) {
                case ID -> s.noTrunc ? "sha256:" + image.id() : image.shortId();
                case Repository -> s.repository;
                case Tag -> s.tag;
                case Digest -> ImageUse.digest(image);
                case Created, CreatedSince -> s.ago();
                case CreatedAt -> GoTime.format(image.createdInstant());
                case Size -> HumanSize.format(image.size());
                case ReadOnly -> false;
                case History -> String.join(", ", image.repoTags());
                case Containers -> s.containers;
                case Dangling -> image.repoTags().isEmpty();
                case Names, RepoTags -> image.repoTags();
                case Labels -> GoNilMap.INSTANCE;
                case RepoDigests -> ImageUse.repoDigests(image);
                case VirtualSize -> image.size();
                case SharedSize -> 0L;
                case ParentId -> "";
            };
        }
    }

    private static final Map<String, Function<Source, Object>> FIELDS = OutputFormat.fields(Field.values());

    static final Map<String, String> HEADERS = OutputFormat.headers(FIELDS.keySet(),
            Map.of("ID", "IMAGE ID", "CreatedSince", "CREATED", "ReadOnly", "R/O"));

    private ImagesRow() {
    }

    static GoStruct of(ImageRecord image, String repository, String tag, long containers, Instant now, boolean noTrunc) {
        Source source = new Source(image, repository, tag, containers, now, noTrunc);
        return OutputFormat.row(TYPE, FIELDS, source);
    }
}
