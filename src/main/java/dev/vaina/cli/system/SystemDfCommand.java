package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.Volumes;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.image.HumanSize;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.HumanDuration;
import dev.vaina.spec.Instants;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Json;
import dev.vaina.store.VolumeRecord;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `vaina system df`: what images, containers and volumes take on disk, and what pruning would give back, in Podman's
 * rows. An image or a volume counts as active when a container uses it; a container's size is its writable layer's,
 * a volume's that of the files in it.
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
        Volumes volumes = context.engine().volumes();
        List<VolumeRecord> volumeRecords = volumes.store().list();
        Map<String, Long> users = new HashMap<>();
        Map<String, Long> links = new HashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (ContainerRecord container : containers) {
            users.put(container.imageId(), users.getOrDefault(container.imageId(), 0L) + 1);
            for (String volume : volumesOf(container)) {
                links.put(volume, links.getOrDefault(volume, 0L) + 1);
            }
            sizes.put(container.id(), treeSize(context.engine().containers().fileSystem(container).upper()));
        }
        Map<String, Long> volumeSizes = new LinkedHashMap<>();
        for (VolumeRecord volume : volumeRecords) {
            volumeSizes.put(volume.name(), treeSize(volumes.store().mountpoint(volume.name())));
        }
        if (verbose) {
            printVerbose(context, images, containers, users, sizes, volumeSizes, links);
            return 0;
        }
        List<Usage> rows = List.of(imageUsage(images, users), containerUsage(context, containers, sizes),
                volumeUsage(volumeSizes, links));
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
            for (Usage row : rows) {
                structs.add(new GoStruct("system.dfSummary", fields(row)));
            }
            output.print(out(), structs, null);
        }
        out().flush();
        return 0;
    }

    /** The names of the volumes a container mounts (its bind mounts and tmpfs are not volumes). */
    private static List<String> volumesOf(ContainerRecord container) {
        List<String> names = new ArrayList<>();
        for (VolumeMount mount : container.config().volumes()) {
            if (mount.isVolume()) {
                names.add(mount.source());
            }
        }
        return names;
    }

    /** An image is active while a container uses it; the others could be pruned. */
    private static Usage imageUsage(List<ImageRecord> images, Map<String, Long> users) {
        Tally tally = new Tally();
        for (ImageRecord image : images) {
            tally.add(image.size(), users.containsKey(image.id()));
        }
        return tally.usage("Images");
    }

    /** A container is active while it runs; the writable layers of the others could be pruned. */
    private static Usage containerUsage(Context context, List<ContainerRecord> containers, Map<String, Long> sizes)
            throws IOException {
        Tally tally = new Tally();
        for (ContainerRecord container : containers) {
            tally.add(sizes.get(container.id()), context.containers().state(container.id()).isRunning());
        }
        return tally.usage("Containers");
    }

    /** A volume is active while a container, running or not, mounts it; only the others could be pruned. */
    private static Usage volumeUsage(Map<String, Long> volumeSizes, Map<String, Long> links) {
        Tally tally = new Tally();
        for (Map.Entry<String, Long> volume : volumeSizes.entrySet()) {
            tally.add(volume.getValue(), links.containsKey(volume.getKey()));
        }
        return tally.usage("Local Volumes");
    }

    /** One row's sums: how many, how many active, all their bytes, and the bytes of those that are not active. */
    private static final class Tally {
        private long total;
        private long active;
        private long size;
        private long reclaimable;

        void add(long bytes, boolean isActive) {
            total++;
            size += bytes;
            if (isActive) {
                active++;
            } else {
                reclaimable += bytes;
            }
        }

        Usage usage(String type) {
            return new Usage(type, total, active, size, reclaimable);
        }
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
            Map<String, Long> users, Map<String, Long> sizes, Map<String, Long> volumeSizes, Map<String, Long> links)
            throws IOException {
        Instant now = Instant.now();
        out().println("Images space usage:");
        out().println();
        Table imageTable = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "CONTAINERS").minimumWidth(12);
        for (ImageRecord image : images) {
            String name = image.repoTags().isEmpty() ? "<none>:<none>" : image.repoTags().get(0);
            int colon = name.lastIndexOf(':');
            imageTable.add(name.substring(0, colon), name.substring(colon + 1), image.shortId(),
                    HumanDuration.format(Instants.between(image.createdInstant(), now)),
                    HumanSize.compact(image.size()), Long.toString(users.getOrDefault(image.id(), 0L)));
        }
        imageTable.print(out());
        out().println();
        out().println("Containers space usage:");
        out().println();
        Table containerTable = new Table("CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS",
                "NAMES").minimumWidth(12);
        for (ContainerRecord container : containers) {
            containerTable.add(container.shortId(), container.imageId().substring(0, 12), String.join(" ", container.args()),
                    Integer.toString(volumesOf(container).size()), HumanSize.compact(sizes.get(container.id())),
                    HumanDuration.format(Instants.between(Instants.parse(container.created()), now)),
                    context.containers().state(container.id()).status(), container.name());
        }
        containerTable.print(out());
        out().println();
        out().println("Local Volumes space usage:");
        out().println();
        Table volumeTable = new Table("VOLUME NAME", "LINKS", "SIZE").minimumWidth(12);
        for (Map.Entry<String, Long> volume : volumeSizes.entrySet()) {
            volumeTable.add(volume.getKey(), Long.toString(links.getOrDefault(volume.getKey(), 0L)),
                    HumanSize.compact(volume.getValue()));
        }
        volumeTable.print(out());
        out().flush();
    }

    /**
     * The bytes of the regular files under a directory (0 when it does not exist). A folder this user may not read
     * (a rootless container's, owned by one of its subordinate ids) is left out rather than failing the command.
     */
    private static long treeSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        SizeSum sum = new SizeSum();
        Files.walkFileTree(dir, sum);
        return sum.bytes;
    }

    private static final class SizeSum extends SimpleFileVisitor<Path> {
        long bytes;

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()) {
                bytes += attributes.size();
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }
}
