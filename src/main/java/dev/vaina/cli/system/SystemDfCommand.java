package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.Table;

import dev.vaina.gotemplate.GoStruct;
import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `vaina system df`: what images and containers take on disk, and what pruning would give back, in Podman's
 * rows. An image counts as active when a container uses it; a container's size is its writable layer's.
 */
@Command(name = "df", description = "Show vaina's disk usage.")
public final class SystemDfCommand extends ContextCommand {
    @Option(names = {"-v", "--verbose"}, description = "Each image and container on its own row.")
    boolean verbose;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json, or a Go template such as '{{.Type}} {{.Size}}'.")
    String format;

    private record Usage(String type, long total, long active, long size, long reclaimable) {
        String reclaimableText() {
            long percent = size == 0 ? 0 : Math.round(100.0 * reclaimable / size);
            return HumanSize.compact(reclaimable) + " (" + percent + "%)";
        }
    }

    @Override
    protected int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(format, "df");
        List<ContainerRecord> containers = context.containers().list();
        List<ImageRecord> images = context.images().list();
        Map<String, Long> users = new HashMap<>();
        containers.forEach(c -> users.merge(c.imageId(), 1L, Long::sum));
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (ContainerRecord container : containers) {
            sizes.put(container.id(), treeSize(context.engine().containers().fileSystem(container).upper()));
        }
        if (verbose) {
            printVerbose(context, images, containers, users, sizes);
            return 0;
        }
        long imageSize = images.stream().mapToLong(ImageRecord::size).sum();
        long unusedImages = images.stream().filter(i -> !users.containsKey(i.id())).mapToLong(ImageRecord::size).sum();
        long running = 0;
        long stoppedSize = 0;
        for (ContainerRecord container : containers) {
            if (context.containers().state(container.id()).isRunning()) {
                running++;
            } else {
                stoppedSize += sizes.get(container.id());
            }
        }
        List<Usage> rows = List.of(
                new Usage("Images", images.size(), images.stream().filter(i -> users.containsKey(i.id())).count(), imageSize,
                        unusedImages),
                new Usage("Containers", containers.size(), running, sizes.values().stream().mapToLong(Long::longValue).sum(),
                        stoppedSize),
                new Usage("Local Volumes", 0, 0, 0, 0));
        if (output.isJson()) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (Usage row : rows) {
                json.add(fields(row));
            }
            out().println(Json.pretty().asString(json));
        } else if (output.isDefault()) {
            Table table = new Table("TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE").minimumWidth(12);
            for (Usage row : rows) {
                table.add(row.type(), Long.toString(row.total()), Long.toString(row.active()), HumanSize.compact(row.size()),
                        row.reclaimableText());
            }
            table.print(out());
        } else {
            List<GoStruct> structs = new ArrayList<>();
            rows.forEach(row -> structs.add(new GoStruct("system.dfSummary", fields(row))));
            output.print(out(), structs, null);
        }
        out().flush();
        return 0;
    }

    private static Map<String, Object> fields(Usage row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Type", row.type());
        map.put("Total", row.total());
        map.put("Active", row.active());
        map.put("RawSize", row.size());
        map.put("RawReclaimable", row.reclaimable());
        map.put("Size", HumanSize.compact(row.size()));
        map.put("Reclaimable", row.reclaimableText());
        return map;
    }

    private void printVerbose(Context context, List<ImageRecord> images, List<ContainerRecord> containers,
            Map<String, Long> users, Map<String, Long> sizes) throws IOException {
        Instant now = Instant.now();
        out().println("Images space usage:");
        out().println();
        Table imageTable = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "CONTAINERS").minimumWidth(12);
        for (ImageRecord image : images) {
            String name = image.repoTags().isEmpty() ? "<none>:<none>" : image.repoTags().get(0);
            int colon = name.lastIndexOf(':');
            imageTable.add(name.substring(0, colon), name.substring(colon + 1), image.shortId(),
                    HumanDuration.format(java.time.Duration.between(image.createdInstant(), now)),
                    HumanSize.compact(image.size()), Long.toString(users.getOrDefault(image.id(), 0L)));
        }
        imageTable.print(out());
        out().println();
        out().println("Containers space usage:");
        out().println();
        Table containerTable = new Table("CONTAINER ID", "IMAGE", "COMMAND", "SIZE", "CREATED", "STATUS", "NAMES")
                .minimumWidth(12);
        for (ContainerRecord container : containers) {
            containerTable.add(container.shortId(), container.imageId().substring(0, 12), String.join(" ", container.args()),
                    HumanSize.compact(sizes.get(container.id())),
                    HumanDuration.format(java.time.Duration.between(Instant.parse(container.created()), now)),
                    context.containers().state(container.id()).status(), container.name());
        }
        containerTable.print(out());
        out().println();
        out().println("Local Volumes space usage:");
        out().println();
        out().println("VOLUME NAME  LINKS       SIZE");
        out().flush();
    }

    /** The bytes of the regular files under a directory (0 when it does not exist). */
    private static long treeSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
