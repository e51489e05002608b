package dev.vaina.cli.images;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.InspectData;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.image.AmbiguousImageException;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.json.JsonInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina image inspect`: a JSON array with one object per image, in Podman's shape. */
@Command(name = "inspect", description = "Show an image's configuration and layers as JSON.")
public final class ImageInspectCommand extends ContextCommand {
    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: json (default) or a Go TEMPLATE such as '{{.RepoTags}}'.")
    String format;

    @Override
    protected int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(InspectData.format(format), "inspect", InspectData.INSPECT_ERROR);
        List<Map<String, Object>> result = new ArrayList<>();
        int exit = 0;
        for (String name : names) {
            try {
                result.add(describe(context, context.images().require(name)));
            } catch (ImageNotFoundException | AmbiguousImageException e) {
                err().println("Error: inspecting object: " + e.getMessage());
                exit = ExitCodes.ENGINE;
            }
        }
        if (output.isDefault() || output.isJson()) {
            out().println(PodmanJson.INSPECT.format(result));
        } else {
            output.print(out(), result.stream().map(InspectData::image).toList(), null);
        }
        out().flush();
        err().flush();
        return exit;
    }

    /** One image as `podman image inspect` shows it; also what `vaina inspect IMAGE` prints. */
    public static Map<String, Object> describe(Context context, ImageRecord image) throws IOException {
        Map<String, Object> document = JsonInput.parseObject(context.images().configJson(image),
                "the configuration of image " + image.id());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Id", image.id());
        map.put("Digest", ImageUse.digest(image));
        map.put("RepoTags", image.repoTags());
        map.put("RepoDigests", ImageUse.repoDigests(image));
        map.put("Parent", "");
        map.put("Comment", historyComment(document));
        map.put("Created", image.created());
        Object config = document.get("config");
        map.put("Config", config instanceof Map<?, ?> ? config : Map.of());
        map.put("Version", "");
        map.put("Author", document.getOrDefault("author", ""));
        map.put("Architecture", image.architecture());
        map.put("Os", image.os());
        map.put("Size", image.size());
        map.put("VirtualSize", image.size());
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("Type", "layers");
        List<String> layers = new ArrayList<>(); // a loop, not a stream's lambda (see ContainerStore.find)
        for (String hex : image.layers()) {
            layers.add("sha256:" + hex);
        }
        rootfs.put("Layers", layers);
        map.put("RootFS", rootfs);
        map.put("Labels", config instanceof Map<?, ?> c && c.get("Labels") instanceof Map<?, ?> labels ? labels : null);
        map.put("Annotations", Map.of());
        map.put("User", image.config().user() != null ? image.config().user() : "");
        map.put("History", document.get("history") instanceof List<?> history ? history : List.of());
        map.put("NamesHistory", image.repoTags());
        return map;
    }

    private static String historyComment(Map<String, Object> document) {
        if (document.get("history") instanceof List<?> history && !history.isEmpty()
                && history.get(history.size() - 1) instanceof Map<?, ?> last && last.get("comment") instanceof String c) {
            return c;
        }
        return "";
    }
}
