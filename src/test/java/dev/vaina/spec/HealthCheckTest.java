package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    @Test
    void healthCmd_asPodmanReadsIt() {
        assertEquals(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"),
                HealthCheck.parseTest("curl -f http://localhost/ || exit 1", null));
        assertEquals(List.of("CMD", "echo", "a"), HealthCheck.parseTest("CMD echo a", null));
        assertEquals(List.of("NONE"), HealthCheck.parseTest("none", null));
        assertEquals(List.of("CMD", "sh", "-c", "exit 0"), HealthCheck.parseTest("", List.of("sh", "-c", "exit 0")));
        assertEquals(List.of("CMD-SHELL", "echo a"), HealthCheck.parseTest("", List.of("CMD-SHELL", "echo a")));
        assertEquals(List.of("CMD-SHELL", "true"), HealthCheck.parseTest("", List.of("true")));
        assertThrows(InvalidSpecException.class, () -> HealthCheck.parseTest("[]", List.of()));
    }

    @Test
    void command_runsShellFormThroughSh() {
        HealthCheck shell = new HealthCheck(List.of("CMD-SHELL", "test -e /x"), 1, 1_000_000_000L, 0, 3);
        assertEquals(List.of("/bin/sh", "-c", "test -e /x"), shell.command());
        HealthCheck exec = new HealthCheck(List.of("CMD", "test", "-e", "/x"), 1, 1_000_000_000L, 0, 3);
        assertEquals(List.of("test", "-e", "/x"), exec.command());
        assertTrue(HealthCheck.NONE.disables());
    }

    @Test
    void limits_withPodmansMessages() {
        InvalidSpecException retries = assertThrows(InvalidSpecException.class,
                () -> new HealthCheck(List.of("CMD", "true"), 0, 1_000_000_000L, 0, 0));
        assertEquals("healthcheck-retries must be greater than 0", retries.getMessage());
        InvalidSpecException timeout = assertThrows(InvalidSpecException.class,
                () -> new HealthCheck(List.of("CMD", "true"), 0, 999_999_999L, 0, 1));
        assertEquals("healthcheck-timeout must be at least 1 second", timeout.getMessage());
    }

    @Test
    void imageHealthcheck_zeroMeansDefault_andAnUnusableOneIsIgnored() {
        HealthCheck check = ImageConfig.healthCheck(Map.of("Test", List.of("CMD-SHELL", "true"), "Interval", 5_000_000_000L));
        assertEquals(new HealthCheck(List.of("CMD-SHELL", "true"), 5_000_000_000L, HealthCheck.DEFAULT_TIMEOUT, 0,
                HealthCheck.DEFAULT_RETRIES), check);
        assertNull(ImageConfig.healthCheck(Map.of("Test", List.of())));
        assertNull(ImageConfig.healthCheck(null));
    }

    @Test
    void onFailureAndSdnotify_words() {
        assertEquals(HealthOnFailure.RESTART, HealthOnFailure.parse("restart"));
        assertEquals(HealthOnFailure.NONE, HealthOnFailure.parse(null));
        assertEquals(NotifyMode.HEALTHY, NotifyMode.parse("healthy"));
        assertEquals(NotifyMode.CONMON, NotifyMode.parse(null));
        InvalidSpecException bad = assertThrows(InvalidSpecException.class, () -> NotifyMode.parse("bogus"));
        assertEquals("invalid argument: invalid sdnotify value \"bogus\": must be container, conmon, healthy or ignore",
                bad.getMessage());
    }
}
