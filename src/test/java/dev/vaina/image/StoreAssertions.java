package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

final class StoreAssertions {
    private StoreAssertions() {
    }

    static List<String> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** No scratch leftovers, no layer, no image: what a failed import must leave. */
    static void assertStoreEmpty(StoreLayout layout) throws IOException {
        assertEquals(List.of(), children(layout.tmp()), "scratch directory must be empty");
        assertEquals(List.of(), children(layout.layers()), "no layer may be stored");
        assertEquals(List.of(), children(layout.images()), "no image may be stored");
    }

    static StoreLayout layoutIn(Path dir, boolean rootless) {
        return new StoreLayout(dir.resolve("data"), dir.resolve("run"), rootless);
    }
}
