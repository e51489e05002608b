package dev.vaina.cli;

import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina images`: one row per tag, as Podman prints them. */
@Command(name = "images", description = "List images in local storage.")
final class ImagesCommand extends ContextCommand {
    @Option(names = {"-q", "--quiet"}, description = "Print only the image IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate the image IDs.")
    boolean noTrunc;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: table (default) or json.")
    String format;

    @Override
    int execute(Context context) throws Exception {
        List<ImageRecord> images = context.images().list();
        if (quiet) {
            images.forEach(image -> out().println(noTrunc ? image.id() : image.shortId()));
        } else if ("json".equals(format)) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (ImageRecord image : images) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("Id", image.id());
                map.put("Names", image.repoTags());
                map.put("Created", image.created());
                map.put("Size", image.size());
                json.add(map);
            }
            out().println(Json.PRETTY.asString(json));
        } else if (format == null || format.equals("table")) {
            Table table = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
            Instant now = Instant.now();
            for (ImageRecord image : images) {
                String id = noTrunc ? "sha256:" + image.id() : image.shortId();
                String created = HumanDuration.ago(image.createdInstant(), now);
                String size = HumanSize.format(image.size());
                if (image.repoTags().isEmpty()) {
                    table.add("<none>", "<none>", id, created, size);
                }
                for (String tag : image.repoTags()) {
                    ImageReference ref = ImageReference.parse(tag, ImageReference.LOCAL_REGISTRY);
                    table.add(ref.name(), ref.tag(), id, created, size);
                }
            }
            table.print(out());
        } else {
            throw new InvalidSpecException("unsupported --format " + format + ": use table or json");
        }
        out().flush();
        return 0;
    }
}
