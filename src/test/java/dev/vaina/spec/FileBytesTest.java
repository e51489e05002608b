package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {
    @TempDir
    Path dir;

    @Test
    void read_givesWhatFilesGives_smallLargeAndEmpty() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 1700, 8192, 8193, 100_000}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("f" + size), content);
            assertArrayEquals(Files.readAllBytes(file), FileBytes.read(file), "size " + size);
        }
    }

    @Test
    void read_ofAProcFile_thatReportsNoSize_readsItWhole() throws IOException {
        Path status = Path.of("/proc/self/status");
        String text = FileBytes.readString(status, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Name:") && text.contains("\nUid:") && text.endsWith("\n"), text);
    }

    @Test
    void read_failsAsFilesFails_missingFileOrDirectory() throws IOException {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> FileBytes.read(dir.resolve("no")));
        assertEquals(dir.resolve("no").toString(), missing.getFile());
        IOException directory = assertThrows(IOException.class, () -> FileBytes.read(dir));
        assertEquals(assertThrows(IOException.class, () -> Files.readAllBytes(dir)).getMessage(), directory.getMessage());
    }

    @Test
    void read_ofAFileNoOneMayRead_isAccessDenied_forAUserOtherThanRoot() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(secret)) {
            // root reads it anyway, as Files does
            assertEquals("x", FileBytes.readString(secret));
        } else {
            assertThrows(AccessDeniedException.class, () -> FileBytes.read(secret));
        }
        Files.setPosixFilePermissions(secret, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
    }

    @Test
    void lines_splitAtLineFeeds_aLastOneStartingNone() throws IOException {
        assertArrayEquals(new String[] {"a", "", "b c"}, FileBytes.lines(Files.writeString(dir.resolve("l"), "a\n\nb c\n")));
        assertArrayEquals(List.of("a", "b").toArray(), FileBytes.lines(Files.writeString(dir.resolve("m"), "a\nb")));
        assertArrayEquals(new String[] {"é"}, FileBytes.lines(Files.writeString(dir.resolve("u"), "é\n")));
    }
}
