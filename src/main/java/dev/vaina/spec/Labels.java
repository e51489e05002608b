package dev.vaina.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Labels from --label-file lines and --label values (later ones win), as Podman reads them. */
public final class Labels {
    private Labels() {
    }

    public static Map<String, String> parse(List<Path> files, List<String> values) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (NoSuchFileException e) {
                throw new InvalidSpecException("cannot read label file " + file + ": no such file");
            }
            for (String line : lines) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    put(labels, trimmed);
                }
            }
        }
        for (String value : values) {
            put(labels, value);
        }
        return labels;
    }

    private static void put(Map<String, String> labels, String item) {
        int equals = item.indexOf('=');
        String key = equals < 0 ? item : item.substring(0, equals);
        if (key.isEmpty()) {
            throw new InvalidSpecException("invalid label \"" + item + "\": expected KEY=VALUE with a non-empty KEY");
        }
        labels.put(key, equals < 0 ? "" : item.substring(equals + 1));
    }
}
