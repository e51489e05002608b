package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserNamespaceTest {
    @Test
    void parse_modesAndTheirOptions() {
        assertEquals(UserNamespace.HOST, UserNamespace.parse(null, List.of(), List.of()));
        assertEquals(UserNamespace.HOST, UserNamespace.parse("host", List.of(), List.of()));
        UserNamespace keepId = UserNamespace.parse("keep-id:uid=5,gid=6", List.of(), List.of());
        assertEquals(UserNamespace.Kind.KEEP_ID, keepId.kind());
        assertEquals(5L, keepId.uid());
        assertEquals(6L, keepId.gid());
        assertNull(UserNamespace.parse("keep-id", List.of(), List.of()).uid());
        assertEquals(500, UserNamespace.parse("auto:size=500", List.of(), List.of()).size());
        assertEquals(UserNamespace.Kind.NOMAP, UserNamespace.parse("nomap", List.of(), List.of()).kind());
        // Nothing is settled yet: the container has no namespace of its own until the engine gives it maps.
        assertTrue(!keepId.ownNamespace());
    }

    @Test
    void parse_oneMapAloneServesForBoth() {
        UserNamespace mapped = UserNamespace.parse(null, List.of("0:100000:5000", "5000:0:1"), List.of());
        assertEquals(List.of(new IdMapping(0, 100000, 5000), new IdMapping(5000, 0, 1)), mapped.uidMap());
        assertEquals(mapped.uidMap(), mapped.gidMap());
        assertEquals(100007, mapped.parentUid(7));
        assertEquals(0, mapped.parentGid(5000));
        assertEquals(-1, mapped.parentUid(5001));
        UserNamespace groupsOnly = UserNamespace.parse(null, List.of(), List.of("0:1:10"));
        assertEquals(groupsOnly.gidMap(), groupsOnly.uidMap());
    }

    @Test
    void keptUser_isTheIdMappedToTheParentsRoot() {
        UserNamespace settled = UserNamespace.parse("keep-id", List.of(), List.of()).settled(
                List.of(new IdMapping(0, 1, 1001), new IdMapping(1001, 0, 1), new IdMapping(1002, 1002, 64535)),
                List.of(new IdMapping(0, 1, 100), new IdMapping(100, 0, 1)));
        assertEquals("1001:100", settled.keptUser());
        assertTrue(settled.ownNamespace());
        assertNull(UserNamespace.HOST.keptUser());
    }

    @Test
    void parse_refusesWithPodmansMessages() {
        assertMessage("unrecognized namespace mode bogus passed", "bogus", List.of());
        assertMessage("must provide at least one UID or GID mapping to configure a user namespace", "private", List.of());
        assertMessage("invalid option specified: \"foo\"", "keep-id:foo", List.of());
        assertMessage("unknown option specified: \"foo\"", "auto:foo=1", List.of());
        assertMessage("strconv.ParseUint: parsing \"x\": invalid syntax", "auto:size=x", List.of());
        assertMessage("strconv.ParseUint: parsing \"-1\": invalid syntax", "keep-id:uid=-1", List.of());
        assertMessage("--userns and --uidmap/--gidmap/--subuidname/--subgidname are mutually exclusive", "keep-id",
                List.of("0:1:1"));
        assertMessage("initializing ID mappings: UID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"0:100\"]",
                null, List.of("0:100"));
        assertMessage("initializing ID mappings: UID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"0:1:-1\"]",
                null, List.of("0:1:-1"));
        assertMessage("creating container storage: the specified UID and/or GID mapping 5:2000:10 conflicts with other"
                + " mappings: invalid mappings specified", null, List.of("0:1000:10", "5:2000:10"));
        InvalidSpecException alone = assertThrows(InvalidSpecException.class,
                () -> UserNamespace.parse(null, List.of(), List.of("0:1")));
        assertEquals("initializing ID mappings: UID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"0:1\"]",
                alone.getMessage());
        InvalidSpecException gid = assertThrows(InvalidSpecException.class,
                () -> UserNamespace.parse(null, List.of("0:1:1"), List.of("a:b:c")));
        assertEquals("initializing ID mappings: GID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"a:b:c\"]",
                gid.getMessage());
    }

    private static void assertMessage(String expected, String userns, List<String> uidMaps) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> UserNamespace.parse(userns, uidMaps, List.of()));
        assertEquals(expected, e.getMessage());
    }
}
