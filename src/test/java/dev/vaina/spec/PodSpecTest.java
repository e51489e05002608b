package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodSpecTest {

    @Test
    void share_defaultNoneListAndAddition() {
        assertEquals(List.of("cgroup", "ipc", "net", "uts"), SharedNamespaces.parse(null));
        assertEquals(List.of(), SharedNamespaces.parse("none"));
        assertEquals(List.of("ipc", "net"), SharedNamespaces.parse("net,ipc"));
        assertEquals(List.of("cgroup", "ipc", "net", "pid", "uts"), SharedNamespaces.parse("+pid"));
    }

    @Test
    void share_unknownNamespace_namesTheValidOnes() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SharedNamespaces.parse("net,foo"));
        assertEquals("invalid kernel namespace to share: foo. Options are: cgroup, ipc, net, pid, uts or none",
                e.getMessage());
    }

    @Test
    void podConfig_validatesNamePolicyAndInfraOptions() {
        assertEquals("continue", config("web", true, null, SharedNamespaces.DEFAULT, null).exitPolicy());
        assertThrows(InvalidSpecException.class, () -> config("bad name", true, null, SharedNamespaces.DEFAULT, null));
        InvalidSpecException policy = assertThrows(InvalidSpecException.class,
                () -> config("web", true, null, SharedNamespaces.DEFAULT, "later"));
        assertEquals("running pod create option: invalid pod exit policy: \"later\"", policy.getMessage());
        assertThrows(InvalidSpecException.class, () -> config("web", false, "infra", SharedNamespaces.DEFAULT, null));
        assertThrows(InvalidSpecException.class, () -> config("web", false, null, List.of("net"), null));
        assertEquals(List.of(), config("web", false, null, SharedNamespaces.DEFAULT, null).shared());
    }

    private static PodConfig config(String name, boolean infra, String infraName, List<String> shared, String policy) {
        return new PodConfig(name, Map.of(), infra, infraName, null, null, shared, null, policy);
    }

    @Test
    void labels_fileThenOptions_laterWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels");
        Files.writeString(file, "# a comment\napp=web\n\ntier=front\n");
        assertEquals(Map.of("app", "db", "tier", "front", "flag", ""),
                Labels.parse(List.of(file), List.of("app=db", "flag")));
        assertThrows(InvalidSpecException.class, () -> Labels.parse(List.of(), List.of("=x")));
        assertThrows(InvalidSpecException.class, () -> Labels.parse(List.of(dir.resolve("missing")), List.of()));
    }
}
