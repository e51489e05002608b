package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.Table;
import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.json.JsonInput;
import dev.vaina.store.ContainerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina images`: one row per tag, as Podman prints them. */
@Command(name = "images", description = "List images in local storage.")
public class ImagesCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Show all images (vaina stores no intermediate images, so the list is the same).")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Print only the image IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate the image IDs.")
    boolean noTrunc;

    @Option(names = "--digests", description = "Show the manifest digests (known for pulled images).")
    boolean digests;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: table (default), json, table TEMPLATE or a Go TEMPLATE such as '{{.Repository}}:{{.Tag}}'.")
    String format;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
            description = "Filter by reference=PATTERN, dangling=true|false, before=IMAGE, since=IMAGE.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "created",
            description = "Sort by created (newest first; default), id, repository, tag or size (largest first).")
    String sort;

    @Parameters(arity = "0..1", paramLabel = "REFERENCE", description = "Show only the images whose name matches, as --filter reference=REFERENCE.")
    String reference;

    @Override
    protected int execute(Context context) throws Exception {
        Comparator<ImageRow> order = ImageRow.order(sort);
        List<String> allFilters = new ArrayList<>(filters);
        if (reference != null) {
            allFilters.add("reference=" + reference);
        }
        OutputFormat output = OutputFormat.forList(format, "images");
        List<ImageFilter> parsed = new ArrayList<>();
        for (String filter : allFilters) {
            parsed.add(ImageFilter.parse(filter, name -> {
                try {
                    return context.images().require(name);
                } catch (ImageNotFoundException e) {
                    throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
                }
            }));
        }
        // Only filters need it (and so, only then, the lambda, whose first one in a JVM costs about 4 ms).
        ImageFilter.Labels labels = parsed.isEmpty() ? null : image -> labels(context, image);
        List<ImageRecord> images = new ArrayList<>();
        for (ImageRecord image : context.images().list()) {
            boolean matches = true;
            for (ImageFilter filter : parsed) {
                matches = matches && filter.matches(image, labels);
            }
            if (matches) {
                images.add(image);
            }
        }
        List<ImageRow> rows = ImageRow.of(images);
        rows.sort(order);
        // Each image once, in the order of its first row; by id, as a record's generated equals would cost the
        // command a method-handle bootstrap (about 10 ms at start-up).
        Map<String, ImageRecord> byId = new LinkedHashMap<>();
        for (ImageRow row : rows) {
            byId.putIfAbsent(row.image().id(), row.image());
        }
        images = List.copyOf(byId.values());
        if (quiet) {
            for (ImageRecord image : images) {
                out().println(noTrunc ? "sha256:" + image.id() : image.shortId());
            }
        } else if (output.isJson()) {
            List<ContainerRecord> containers = context.containers().list();
            List<Map<String, Object>> json = new ArrayList<>();
            for (ImageRecord image : images) {
                json.add(json(image, containers));
            }
            out().println(PodmanJson.IMAGES.format(json));
        } else if (output.isDefault()) {
            table(rows);
        } else {
            output.print(out(), templateRows(rows, context.containers().list()), ImagesRow.HEADERS);
        }
        out().flush();
        return 0;
    }

    private void table(List<ImageRow> rows) {
        Table table = digests ? new Table("REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE")
                : new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        Instant now = Instant.now();
        for (ImageRow row : rows) {
            ImageRecord image = row.image();
            String id = noTrunc ? "sha256:" + image.id() : image.shortId();
            String created = HumanDuration.ago(image.createdInstant(), now);
            String size = HumanSize.format(image.size());
            String digest = ImageUse.digest(image).isEmpty() ? "<none>" : ImageUse.digest(image);
            add(table, row.repository(), row.tag(), digest, id, created, size);
        }
        table.print(out());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Context context, ImageRecord image) throws java.io.IOException {
        Map<String, Object> document = JsonInput.parseObject(context.images().configJson(image),
                "the configuration of image " + image.id());
        if (document.get("config") instanceof Map<?, ?> config && config.get("Labels") instanceof Map<?, ?> labels) {
            return (Map<String, String>) labels;
        }
        return Map.of();
    }

    private List<Object> templateRows(List<ImageRow> rows, List<ContainerRecord> containers) {
        Instant now = Instant.now();
        List<Object> result = new ArrayList<>();
        for (ImageRow row : rows) {
            result.add(ImagesRow.of(row.image(), row.repository(), row.tag(), containerCount(row.image(), containers),
                    now, noTrunc));
        }
        return result;
    }

    private static long containerCount(ImageRecord image, List<ContainerRecord> containers) {
        long count = 0;
        for (ContainerRecord container : containers) {
            count += image.id().equals(container.imageId()) ? 1 : 0;
        }
        return count;
    }

    private void add(Table table, String repository, String tag, String digest, String id, String created, String size) {
        if (digests) {
            table.add(repository, tag, digest, id, created, size);
        } else {
            table.add(repository, tag, id, created, size);
        }
    }

    /** Podman's `images --format json` object. */
    private static Map<String, Object> json(ImageRecord image, List<ContainerRecord> containers) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Id", image.id());
        map.put("ParentId", "");
        map.put("RepoTags", image.repoTags());
        map.put("RepoDigests", ImageUse.repoDigests(image));
        map.put("Size", image.size());
        map.put("SharedSize", 0);
        map.put("VirtualSize", image.size());
        map.put("Labels", null);
        map.put("Containers", containerCount(image, containers));
        map.put("Names", image.repoTags());
        map.put("Digest", ImageUse.digest(image));
        map.put("Dangling", image.repoTags().isEmpty());
        map.put("Created", image.createdInstant().getEpochSecond());
        map.put("CreatedAt", image.created());
        return map;
    }
}
