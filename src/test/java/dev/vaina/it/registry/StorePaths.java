package dev.vaina.it.registry;

import dev.vaina.it.support.Mode;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where a mode's vaina keeps its data (the harness gives each run fresh ones), for checks of what a pull left. */
public final class StorePaths {

    private StorePaths() {
    }

    /** /var/lib/vaina rootful, $XDG_DATA_HOME/vaina rootless. */
    public static Path dataRoot(VainaCli vaina) {
        return vaina.mode() == Mode.ROOTFUL ? Path.of("/var/lib/vaina")
                : Path.of(vaina.environment().get("XDG_DATA_HOME"), "vaina");
    }

    public static Path layers(VainaCli vaina) {
        return dataRoot(vaina).resolve("layers");
    }

    /** The names in the layers directory now (empty if it does not exist yet), sorted. */
    public static List<String> layerEntries(VainaCli vaina) {
        Path layers = layers(vaina);
        if (!Files.isDirectory(layers)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(layers)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + layers, e);
        }
    }
}
