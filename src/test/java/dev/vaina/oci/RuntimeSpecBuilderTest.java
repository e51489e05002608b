package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.ImageConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeSpecBuilderTest {
    private static final Path ROOTFS = Path.of("/var/lib/vaina/rootfs");

    private static RuntimeSpecBuilder builder(TestConfigs configs) {
        return RuntimeSpecBuilder.forContainer("abc", configs.build(), ImageConfig.EMPTY).rootfs(ROOTFS);
    }

    @Test
    void missingVolumeSource_failsNamingIt() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class,
                () -> builder(TestConfigs.command("true").volumes("/nonexistent/data:/data:ro")).build());
        assertEquals("cannot mount volume /nonexistent/data:/data:ro: the host path /nonexistent/data does not exist",
                e.getMessage());
    }

    @Test
    void missingSeccompProfile_failsUnlessUnconfined() {
        Path missing = Path.of("/nonexistent/seccomp.json");
        assertThrows(RuntimeSpecException.class, () -> builder(TestConfigs.command("true")).seccompProfile(missing).build());
        Map<String, Object> spec = builder(TestConfigs.command("true")).seccompUnconfined().build();
        assertFalse(((Map<?, ?>) spec.get("linux")).containsKey("seccomp"));
    }

    @Test
    void shortId_isTheWholeHostname() {
        assertEquals("abc", builder(TestConfigs.command("true")).build().get("hostname"));
    }

    @Test
    void hostNetworkRootless_bindsTheHostSys() {
        Map<String, Object> spec = builder(TestConfigs.command("true")).rootless(true).newNetworkNamespace(false).build();
        Map<?, ?> sys = ((List<?>) spec.get("mounts")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> m.get("destination").equals("/sys")).findFirst().orElseThrow();
        assertEquals("bind", sys.get("type"));
        assertEquals(List.of("rbind", "nosuid", "noexec", "nodev", "ro"), sys.get("options"));
        List<?> namespaces = (List<?>) ((Map<?, ?>) spec.get("linux")).get("namespaces");
        assertTrue(namespaces.stream().noneMatch(n -> ((Map<?, ?>) n).get("type").equals("network")));
    }

    @Test
    void joinedNamespace_carriesItsPath() {
        Map<String, Object> spec = builder(TestConfigs.command("true")).cgroupNamespace(true)
                .joinNamespace("network", Path.of("/proc/42/ns/net")).build();
        List<?> namespaces = (List<?>) ((Map<?, ?>) spec.get("linux")).get("namespaces");
        assertTrue(namespaces.contains(Map.of("type", "network", "path", "/proc/42/ns/net")), namespaces.toString());
        assertTrue(namespaces.contains(Map.of("type", "cgroup")), namespaces.toString());
    }
}
