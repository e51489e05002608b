package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostLimitsTest {
    @Test
    void podmanDefaults_areCappedAtTheHardLimit() {
        HostLimits limits = HostLimits.parse("""
                Limit                     Soft Limit           Hard Limit           Units
                Max processes             96364                96364                processes
                Max open files            1024                 20000                files
                """);
        assertEquals(List.of(Map.of("type", "RLIMIT_NOFILE", "hard", 20000L, "soft", 20000L),
                Map.of("type", "RLIMIT_NPROC", "hard", 96364L, "soft", 96364L)), limits.cappedPodmanDefaults());
    }

    @Test
    void unlimited_keepsPodmansValues() {
        HostLimits limits = HostLimits.parse("""
                Max processes             unlimited            unlimited            processes
                Max open files            1048576              2097152              files
                """);
        assertEquals(List.of(Map.of("type", "RLIMIT_NOFILE", "hard", 1_048_576L, "soft", 1_048_576L),
                Map.of("type", "RLIMIT_NPROC", "hard", 4_194_304L, "soft", 4_194_304L)), limits.cappedPodmanDefaults());
    }

    @Test
    void thisProcess_matchesTheShellsHardLimit() throws Exception {
        String shell = ProcessResult.run(Path.of("/"), List.of("sh", "-c", "ulimit -Hn")).stdout().strip();
        long expected = shell.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(shell);
        assertEquals(expected, HostLimits.read().hard("RLIMIT_NOFILE"));
    }
}
