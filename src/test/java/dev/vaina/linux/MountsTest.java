package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountsTest {
    @Test
    void overlayWhoseLowerDirectoryIsGone_namesItInTheError(@TempDir Path dir) throws IOException {
        Path lower = dir.resolve("gone");
        Path upper = Files.createDirectory(dir.resolve("upper"));
        Path work = Files.createDirectory(dir.resolve("work"));
        Path target = Files.createDirectory(dir.resolve("rootfs"));
        NativeCallException e = assertThrows(NativeCallException.class,
                () -> Mounts.overlay("lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work, target));
        assertTrue(e.getMessage().contains("(missing: " + lower + ")"), e.getMessage());
    }
}
