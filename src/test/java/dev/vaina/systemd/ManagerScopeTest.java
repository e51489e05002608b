package dev.vaina.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ManagerScopeTest {
    @Test
    void choose_nonRootUsesItsUserManagerEvenUnderSystemd() {
        assertEquals(ManagerScope.USER, ManagerScope.choose(null, 1001, "systemd"));
    }

    @Test
    void choose_rootUsesTheSystemManagerWhenPidOneIsSystemd() {
        assertEquals(ManagerScope.SYSTEM, ManagerScope.choose(null, 0, "systemd"));
    }

    @Test
    void choose_rootWithoutSystemdAsPidOneUsesItsOwnUserManager() {
        assertEquals(ManagerScope.USER, ManagerScope.choose(null, 0, "process_api"));
        assertEquals(ManagerScope.USER, ManagerScope.choose(null, 0, ""));
    }

    @Test
    void choose_explicitChoiceWins() {
        assertEquals(ManagerScope.SYSTEM, ManagerScope.choose("system", 1001, "init"));
        assertEquals(ManagerScope.USER, ManagerScope.choose("user", 0, "systemd"));
    }

    @Test
    void choose_invalidExplicitChoiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManagerScope.choose("session", 0, "systemd"));
        assertEquals("invalid systemd manager \"session\": must be user or system", e.getMessage());
    }

    @Test
    void effectiveUid_readsProcSelfStatus() {
        assertEquals(Long.parseLong(System.getProperty("vaina.test.uid", String.valueOf(uidFromHome()))),
                ManagerScope.effectiveUid());
    }

    private static long uidFromHome() {
        try {
            return (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
