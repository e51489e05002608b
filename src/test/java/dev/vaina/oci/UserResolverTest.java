package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserResolverTest {
    private static final UserResolver IMAGE = new UserResolver(
            RootfsFiles.under(Path.of("src/test/resources/fixtures/oci/image-etc")));
    private static final UserResolver NO_FILES = new UserResolver(RootfsFiles.NONE);

    @Test
    void unset_isRoot() {
        assertEquals(ResolvedUser.ROOT, IMAGE.resolve(null));
        assertEquals(ResolvedUser.ROOT, IMAGE.resolve(""));
    }

    @Test
    void numbers_passThroughWithoutPasswd() {
        assertEquals(new ResolvedUser(1000, 1000, List.of()), NO_FILES.resolve("1000:1000"));
        assertEquals(new ResolvedUser(1000, 0, List.of()), NO_FILES.resolve("1000"));
    }

    @Test
    void knownUid_takesItsPrimaryGroupAndMemberships() {
        assertEquals(new ResolvedUser(1234, 2345, List.of(3456)), IMAGE.resolve("1234"));
    }

    @Test
    void name_resolvesThroughPasswdAndGroup() {
        assertEquals(new ResolvedUser(1234, 2345, List.of(3456)), IMAGE.resolve("app"));
        assertEquals(new ResolvedUser(65534, 65534, List.of()), IMAGE.resolve("nobody"));
    }

    @Test
    void explicitGroup_replacesTheMemberships() {
        assertEquals(new ResolvedUser(1234, 5, List.of()), IMAGE.resolve("app:tty"));
        assertEquals(new ResolvedUser(1234, 7, List.of()), IMAGE.resolve("app:7"));
    }

    @Test
    void unknownName_failsWithPodmansMessage() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class, () -> IMAGE.resolve("ghost"));
        assertEquals("unable to find user ghost: no matching entries in passwd file", e.getMessage());
        assertThrows(RuntimeSpecException.class, () -> NO_FILES.resolve("app"));
    }

    @Test
    void unknownGroup_failsWithPodmansMessage() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class, () -> IMAGE.resolve("app:ghosts"));
        assertEquals("unable to find group ghosts: no matching entries in group file", e.getMessage());
    }
}
