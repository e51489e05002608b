package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeccompCacheTest {
    private static final SeccompArch X86_64 = new SeccompArch("SCMP_ARCH_X86_64", "amd64");
    private static final KernelVersion KERNEL_6_1 = new KernelVersion(6, 1);

    private static String uncached(Path profile, List<String> capabilities) {
        return JsonOutput.compact().value(SeccompProfile.load(profile).toOci(X86_64, capabilities, KERNEL_6_1)).toString();
    }

    private static List<Path> kept(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void aMissThenAHit_giveWhatTheConversionGives_fromOneFile(@TempDir Path dir) throws IOException {
        Path profile = Files.copy(SeccompProfile.DEFAULT_PATH, dir.resolve("seccomp.json"));
        SeccompCache cache = new SeccompCache(dir.resolve("cache"));
        String expected = uncached(profile, Capabilities.DEFAULT);
        assertEquals(expected, cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json());
        assertEquals(1, kept(dir.resolve("cache")).size());
        // A hit: the file is what is read, so a changed file shows (the conversion would not give this).
        Path file = kept(dir.resolve("cache")).get(0);
        String key = Files.readString(file).lines().findFirst().orElseThrow();
        Files.writeString(file, key + "\n{\"defaultAction\":\"SCMP_ACT_LOG\"}");
        assertEquals("{\"defaultAction\":\"SCMP_ACT_LOG\"}",
                cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json());
    }

    @Test
    void anotherCapabilitySetOrKernel_isAnotherEntry(@TempDir Path dir) throws IOException {
        Path profile = Files.copy(SeccompProfile.DEFAULT_PATH, dir.resolve("seccomp.json"));
        SeccompCache cache = new SeccompCache(dir.resolve("cache"));
        List<String> withSysAdmin = new ArrayList<>(Capabilities.DEFAULT);
        withSysAdmin.add("CAP_SYS_ADMIN");
        String defaults = cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json();
        String sysAdmin = cache.converted(profile, X86_64, withSysAdmin, KERNEL_6_1).json();
        assertNotEquals(defaults, sysAdmin);
        assertEquals(uncached(profile, withSysAdmin), sysAdmin);
        cache.converted(profile, X86_64, Capabilities.DEFAULT, new KernelVersion(3, 10));
        assertEquals(3, kept(dir.resolve("cache")).size());
        assertEquals(defaults, cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json());
    }

    @Test
    void aChangedProfile_isConvertedAgain(@TempDir Path dir) throws IOException {
        Path profile = dir.resolve("seccomp.json");
        Files.writeString(profile, "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[]}");
        Files.setLastModifiedTime(profile, FileTime.fromMillis(1_000_000));
        SeccompCache cache = new SeccompCache(dir.resolve("cache"));
        assertTrue(cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json().contains("SCMP_ACT_ERRNO"));
        Files.writeString(profile, "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[]}");
        Files.setLastModifiedTime(profile, FileTime.fromMillis(2_000_000));
        assertTrue(cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json().contains("SCMP_ACT_ALLOW"));
    }

    @Test
    void aFileOfAnotherKey_isAMiss_andIsReplaced(@TempDir Path dir) throws IOException {
        Path profile = Files.copy(SeccompProfile.DEFAULT_PATH, dir.resolve("seccomp.json"));
        SeccompCache cache = new SeccompCache(dir.resolve("cache"));
        cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1);
        Path file = kept(dir.resolve("cache")).get(0);
        Files.writeString(file, "another key\n{}");
        assertEquals(uncached(profile, Capabilities.DEFAULT),
                cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json());
        assertTrue(Files.readString(file).startsWith(profile.toAbsolutePath().toString()), Files.readString(file));
    }

    @Test
    void theKey_holdsTheInstallationsFiles_soThatANewVersionConvertsAgain(@TempDir Path dir) throws IOException {
        Path profile = Files.copy(SeccompProfile.DEFAULT_PATH, dir.resolve("seccomp.json"));
        new SeccompCache(dir.resolve("cache")).converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1);
        String key = Files.readString(kept(dir.resolve("cache")).get(0)).lines().findFirst().orElseThrow();
        String firstEntry = System.getProperty("java.class.path").split(":")[0];
        assertTrue(key.contains(firstEntry + ":" + Files.size(Path.of(firstEntry)) + ":"
                + Files.getLastModifiedTime(Path.of(firstEntry)).toMillis()), key);
    }

    @Test
    void aMissingProfile_failsAsTheConversionDoes(@TempDir Path dir) {
        SeccompCache cache = new SeccompCache(dir.resolve("cache"));
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class, () -> cache.converted(
                dir.resolve("none.json"), X86_64, Capabilities.DEFAULT, KERNEL_6_1));
        assertTrue(e.getMessage().contains("none.json") && e.getMessage().contains("unconfined"), e.getMessage());
    }

    @Test
    void anUnwritableDirectory_onlyMisses(@TempDir Path dir) throws IOException {
        Path profile = Files.copy(SeccompProfile.DEFAULT_PATH, dir.resolve("seccomp.json"));
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        SeccompCache cache = new SeccompCache(notADirectory.resolve("cache"));
        assertEquals(uncached(profile, Capabilities.DEFAULT),
                cache.converted(profile, X86_64, Capabilities.DEFAULT, KERNEL_6_1).json());
    }

    @Test
    void rawJson_isWrittenAsItIs_insideAPrettyDocument() {
        String text = JsonOutput.pretty().value(java.util.Map.of("seccomp", new JsonOutput.Raw("{\"a\":[1,2]}")))
                .toString();
        assertEquals("{\n  \"seccomp\" : {\"a\":[1,2]}\n}", text);
    }
}
