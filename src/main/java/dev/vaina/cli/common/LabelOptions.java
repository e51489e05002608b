package dev.vaina.cli.common;

import dev.vaina.spec.Labels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** -l/--label and --label-file, as the verbs that make containers and pods take them. */
public final class LabelOptions {
    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", description = "Set a label (KEY alone sets an empty value).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--label-file", paramLabel = "FILE", description = "Read labels from a file of KEY=VALUE lines.")
    List<Path> labelFiles = new ArrayList<>();

    public Map<String, String> parse() throws IOException {
        return Labels.parse(labelFiles, labels);
    }
}
