package dev.vaina.cli;

import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.ContainerRecord;
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
class ImagesCommand extends ContextCommand {
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

    @Override
    int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(format, "images");
        List<ImageFilter> parsed = new ArrayList<>();
        for (String filter : filters) {
            parsed.add(ImageFilter.parse(filter, name -> {
                try {
                    return context.images().require(name);
                } catch (ImageNotFoundException e) {
                    throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
                }
            }));
        }
        List<ImageRecord> images = new ArrayList<>();
        for (ImageRecord image : context.images().list()) {
            if (parsed.stream().allMatch(f -> f.matches(image))) {
                images.add(image);
            }
        }
        if (quiet) {
            images.forEach(image -> out().println(noTrunc ? "sha256:" + image.id() : image.shortId()));
        } else if (output.isJson()) {
            List<ContainerRecord> containers = context.containers().list();
            List<Map<String, Object>> json = new ArrayList<>();
            for (ImageRecord image : images) {
                json.add(json(image, containers));
            }
            out().println(PodmanJson.IMAGES.format(json));
        } else if (output.isDefault()) {
            table(images);
        } else {
            output.print(out(), templateRows(images, context.containers().list()), ImagesRow.HEADERS);
        }
        out().flush();
        return 0;
    }

    private void table(List<ImageRecord> images) {
        Table table = digests ? new Table("REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE")
                : new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        Instant now = Instant.now();
        for (ImageRecord image : images) {
            String id = noTrunc ? "sha256:" + image.id() : image.shortId();
            String created = HumanDuration.ago(image.createdInstant(), now);
            String size = HumanSize.format(image.size());
            String digest = ImageUse.digest(image).isEmpty() ? "<none>" : ImageUse.digest(image);
            for (String[] repositoryAndTag : repositoriesAndTags(image)) {
                add(table, repositoryAndTag[0], repositoryAndTag[1], digest, id, created, size);
            }
        }
        table.print(out());
    }

    private List<Object> templateRows(List<ImageRecord> images, List<ContainerRecord> containers) {
        Instant now = Instant.now();
        List<Object> rows = new ArrayList<>();
        for (ImageRecord image : images) {
            for (String[] repositoryAndTag : repositoriesAndTags(image)) {
                rows.add(ImagesRow.of(image, repositoryAndTag[0], repositoryAndTag[1], containerCount(image, containers),
                        now, noTrunc));
            }
        }
        return rows;
    }

    /** One row per tag, as Podman lists them; an untagged image is one row of {@code <none>}. */
    private static List<String[]> repositoriesAndTags(ImageRecord image) {
        if (image.repoTags().isEmpty()) {
            return List.<String[]>of(new String[] {"<none>", "<none>"});
        }
        List<String[]> result = new ArrayList<>();
        for (String tag : image.repoTags()) {
            ImageReference ref = ImageReference.parse(tag, ImageReference.LOCAL_REGISTRY);
            result.add(new String[] {ref.name(), ref.tag()});
        }
        return result;
    }

    private static long containerCount(ImageRecord image, List<ContainerRecord> containers) {
        return containers.stream().filter(c -> image.id().equals(c.imageId())).count();
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
