package dev.vaina.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories and files as the overlay will show them, found before it is mounted. */
class LayerStackTest {
    @TempDir
    Path dir;

    @Test
    void isDirectory_followsLinksInsideTheContainer_neverOnTheHost() throws IOException {
        Path upper = Files.createDirectories(dir.resolve("upper"));
        Path lower = Files.createDirectories(dir.resolve("lower"));
        Files.createDirectories(lower.resolve("usr/src/app"));
        Files.createSymbolicLink(lower.resolve("app"), Path.of("/usr/src/app"));
        Files.createSymbolicLink(lower.resolve("rel"), Path.of("usr/src"));
        // An absolute link that would name a directory on the host, and not in the container.
        Files.createSymbolicLink(lower.resolve("hostetc"), Path.of("/etc"));
        Files.createSymbolicLink(lower.resolve("loop"), Path.of("/loop"));
        Files.writeString(lower.resolve("file"), "x");
        Files.createDirectories(upper.resolve("made"));
        LayerStack stack = LayerStack.of(upper, List.of(lower));

        assertTrue(stack.isDirectory("/"));
        assertTrue(stack.isDirectory("/usr/src/app"));
        assertTrue(stack.isDirectory("/app"));
        assertTrue(stack.isDirectory("/rel/app/"));
        assertTrue(stack.isDirectory("/made"));
        assertTrue(stack.isDirectory("/usr/../usr/./src"));
        assertFalse(stack.isDirectory("/hostetc"));
        assertFalse(stack.isDirectory("/loop"));
        assertFalse(stack.isDirectory("/file"));
        assertFalse(stack.isDirectory("/nonexistent"));
        assertEquals(lower.resolve("file"), stack.find("file").orElseThrow());
    }
}
