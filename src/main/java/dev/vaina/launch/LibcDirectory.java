package dev.vaina.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory of the C library this very process runs with, read from its own memory map. */
final class LibcDirectory {
    private LibcDirectory() {
    }

    static String find() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash > 0 && line.contains("/libc.so")) {
                    return Path.of(line.substring(slash)).getParent().toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            // JNA then finds libc its own, slower way.
        }
        return null;
    }
}
