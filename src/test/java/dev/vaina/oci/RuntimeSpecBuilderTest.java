package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.DeviceMapping;
import dev.vaina.spec.IdMapping;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.SecurityOptions;
import dev.vaina.spec.Ulimit;
import dev.vaina.spec.UserNamespace;
import dev.vaina.spec.VolumeMount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void overlayVolume_isAnOverlayMountOverTheSource_withTheContainersDirectories(@TempDir Path tmp) {
        Path source = tmp.resolve("src");
        Path overlays = tmp.resolve("volume-overlays");
        assertTrue(source.toFile().mkdir());
        TestConfigs configs = TestConfigs.command("true").volumes("/etc:/etc-ro:ro", source + ":/x:O");
        String dirs = overlays.resolve("1").toString();
        Map<String, Object> expected = Map.of("destination", "/x", "type", "overlay", "source", dirs + "/merge",
                "options", List.of("lowerdir=" + source, "upperdir=" + dirs + "/upper", "workdir=" + dirs + "/work",
                        "private"));
        assertEquals(expected, mountAt(builder(configs).volumeOverlays(overlays).build(), "/x"));
        List<?> rootless = (List<?>) mountAt(builder(configs).volumeOverlays(overlays).rootless(true).build(), "/x")
                .get("options");
        assertEquals("userxattr", rootless.get(rootless.size() - 1), "overlayfs in a user namespace uses user.* xattrs");

        RuntimeSpecException file = assertThrows(RuntimeSpecException.class, () -> builder(
                TestConfigs.command("true").volumes("/etc/hostname:/x:O")).volumeOverlays(overlays).build());
        assertEquals("cannot mount overlay volume /etc/hostname:/x:O: /etc/hostname is not a directory",
                file.getMessage());
    }

    @Test
    void overlayVolume_ofANamedVolume_escapesAColonInItsPath(@TempDir Path tmp) {
        Path data = tmp.resolve("data:root");
        assertTrue(data.toFile().mkdir());
        VolumeMount named = new VolumeMount(VolumeMount.VOLUME, "cache", "/c", List.of("O", "ro"), false);
        Map<String, Object> mount = VolumeMounts.overlay(named, name -> data, OverlayVolumeDirs.of(tmp, 0), false);
        assertEquals(List.of("lowerdir=" + tmp + "/data\\:root", "upperdir=" + tmp + "/0/upper",
                "workdir=" + tmp + "/0/work", "private", "ro"), mount.get("options"));
    }

    private static Map<?, ?> mountAt(Map<String, Object> spec, String destination) {
        return ((List<?>) spec.get("mounts")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> destination.equals(m.get("destination"))).findFirst().orElseThrow();
    }

    @Test
    void keepId_givesTheContainerAUserNamespace_andRunsAsTheKeptUser() {
        UserNamespace keepId = UserNamespace.parse("keep-id", List.of(), List.of()).settled(
                List.of(new IdMapping(0, 1, 1001), new IdMapping(1001, 0, 1)), List.of(new IdMapping(0, 1, 1001),
                        new IdMapping(1001, 0, 1)));
        Map<String, Object> spec = RuntimeSpecBuilder.forContainer("abc",
                TestConfigs.command("id").build().withUserNamespace(keepId), ImageConfig.EMPTY).rootfs(ROOTFS).build();
        Map<?, ?> linux = (Map<?, ?>) spec.get("linux");
        assertEquals(Map.of("type", "user"), ((List<?>) linux.get("namespaces")).get(0));
        assertEquals(List.of(Map.of("containerID", 0L, "hostID", 1L, "size", 1001L),
                Map.of("containerID", 1001L, "hostID", 0L, "size", 1L)), linux.get("uidMappings"));
        Map<?, ?> user = (Map<?, ?>) ((Map<?, ?>) spec.get("process")).get("user");
        assertEquals(1001, user.get("uid"));
        assertEquals(1001, user.get("gid"));
        // Without maps, the container stays in the runtime's namespace.
        Map<?, ?> plain = (Map<?, ?>) builder(TestConfigs.command("id")).build().get("linux");
        assertFalse(plain.containsKey("uidMappings"));
        assertFalse(((List<?>) plain.get("namespaces")).contains(Map.of("type", "user")));
    }

    @Test
    void missingSeccompProfile_failsUnlessUnconfined() {
        Path missing = Path.of("/nonexistent/seccomp.json");
        assertThrows(RuntimeSpecException.class, () -> builder(TestConfigs.command("true")).seccompProfile(missing).build());
        Map<String, Object> spec = builder(TestConfigs.command("true")).seccompUnconfined().build();
        assertFalse(((Map<?, ?>) spec.get("linux")).containsKey("seccomp"));
    }

    @Test
    void confinementOptions_shapeTheSpec() {
        SecurityOptions security = new SecurityOptions(false, List.of("net_admin"), List.of("chown"),
                List.of("no-new-privileges", "mask=/home", "unmask=/proc/kcore", "seccomp=unconfined"), true, true,
                List.of("7"), Map.of("net.ipv4.ip_forward", "1"), List.of());
        ContainerConfig config = ContainerConfig.builder().command(List.of("sh")).annotations(Map.of("note", "kept"))
                .security(security).init(true).build();
        Map<String, Object> spec = RuntimeSpecBuilder.forContainer("abc", config, ImageConfig.EMPTY).rootfs(ROOTFS).build();
        Map<?, ?> process = (Map<?, ?>) spec.get("process");
        assertEquals(List.of(RuntimeSpecBuilder.INIT_PATH, "--", "sh"), process.get("args"));
        assertEquals(true, process.get("noNewPrivileges"));
        List<?> effective = (List<?>) ((Map<?, ?>) process.get("capabilities")).get("effective");
        assertTrue(effective.contains("CAP_NET_ADMIN") && !effective.contains("CAP_CHOWN"), effective.toString());
        assertEquals(List.of(7), ((Map<?, ?>) process.get("user")).get("additionalGids"));
        assertEquals(true, ((Map<?, ?>) spec.get("root")).get("readonly"));
        assertEquals(Map.of("note", "kept"), spec.get("annotations"));
        Map<?, ?> linux = (Map<?, ?>) spec.get("linux");
        assertFalse(linux.containsKey("seccomp"));
        assertEquals(Map.of("net.ipv4.ip_forward", "1"), linux.get("sysctl"));
        List<?> masked = (List<?>) linux.get("maskedPaths");
        assertTrue(masked.contains("/home") && !masked.contains("/proc/kcore") && masked.contains("/proc/keys"), masked.toString());
        List<?> destinations = ((List<?>) spec.get("mounts")).stream().map(m -> ((Map<?, ?>) m).get("destination")).toList();
        assertTrue(destinations.containsAll(List.of("/run", "/tmp", "/var/tmp", RuntimeSpecBuilder.INIT_PATH)),
                destinations.toString());
    }

    @Test
    void privileged_liftsMasksSeccompAndTheReadOnlySys() {
        SecurityOptions security = new SecurityOptions(true, List.of(), List.of(), List.of(), false, true, List.of(),
                Map.of(), List.of());
        ContainerConfig config = ContainerConfig.builder().command(List.of("sh")).security(security).build();
        Map<String, Object> spec = RuntimeSpecBuilder.forContainer("abc", config, ImageConfig.EMPTY).rootfs(ROOTFS).build();
        Map<?, ?> linux = (Map<?, ?>) spec.get("linux");
        assertFalse(linux.containsKey("seccomp"));
        assertEquals(List.of(), linux.get("maskedPaths"));
        assertEquals(List.of(), linux.get("readonlyPaths"));
        Map<?, ?> sys = ((List<?>) spec.get("mounts")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> m.get("destination").equals("/sys")).findFirst().orElseThrow();
        assertFalse(((List<?>) sys.get("options")).contains("ro"));
        List<?> effective = (List<?>) ((Map<?, ?>) ((Map<?, ?>) spec.get("process")).get("capabilities")).get("effective");
        assertEquals(Capabilities.bounding(), effective);
    }

    @Test
    void device_isMadeRootful_andBoundRootless() {
        SecurityOptions security = new SecurityOptions(false, List.of(), List.of(), List.of(), false, true, List.of(),
                Map.of(), List.of(DeviceMapping.parse("/dev/null:/dev/mynull:rw")));
        ContainerConfig config = ContainerConfig.builder().command(List.of("sh")).security(security).build();
        Map<?, ?> linux = (Map<?, ?>) RuntimeSpecBuilder.forContainer("abc", config, ImageConfig.EMPTY).rootfs(ROOTFS)
                .build().get("linux");
        Map<?, ?> device = (Map<?, ?>) ((List<?>) linux.get("devices")).get(0);
        assertEquals("/dev/mynull", device.get("path"));
        assertEquals("c", device.get("type"));
        assertEquals(1L, device.get("major"));
        assertEquals(3L, device.get("minor"));
        assertEquals(List.of(Map.of("allow", true, "type", "c", "major", 1L, "minor", 3L, "access", "rw")),
                ((Map<?, ?>) linux.get("resources")).get("devices"));
        Map<String, Object> rootless = RuntimeSpecBuilder.forContainer("abc", config, ImageConfig.EMPTY).rootfs(ROOTFS)
                .rootless(true).build();
        assertFalse(((Map<?, ?>) rootless.get("linux")).containsKey("devices"));
        assertTrue(((List<?>) rootless.get("mounts")).stream().map(m -> (Map<?, ?>) m)
                .anyMatch(m -> m.get("destination").equals("/dev/mynull") && m.get("source").equals("/dev/null")));
    }

    @Test
    void configJson_andResources_areWhatJacksonJrWrote_byteForByte() throws IOException {
        ResourceLimits limits = new ResourceLimits(64L << 20, 128L << 20, 32L << 20, null, 512L, 50_000L, 100_000L,
                100L, "0-1", "0", 300, List.of(Ulimit.parse("nofile=1024:2048"), Ulimit.parse("core=-1:-1")), null,
                -500);
        SecurityOptions security = new SecurityOptions(false, List.of("net_admin"), List.of("chown"),
                List.of("no-new-privileges", "mask=/home"), true, true, List.of("7"),
                Map.of("net.ipv4.ip_forward", "1"), List.of(DeviceMapping.parse("/dev/null:/dev/mynull:rw")));
        UserNamespace keepId = UserNamespace.parse("keep-id", List.of(), List.of()).settled(
                List.of(new IdMapping(0, 1, 1001), new IdMapping(1001, 0, 1)), List.of(new IdMapping(0, 1, 1001),
                        new IdMapping(1001, 0, 1)));
        ContainerConfig config = ContainerConfig.builder().command(List.of("sh", "-c", "echo \"$A\" \\ \t\u00e9"))
                .env(Map.of("A", "line\nbreak \u2028 \u0001"))
                .annotations(Map.of("note", "caf\u00e9 \"kept\"", "empty", ""))
                .limits(limits).security(security).userns(keepId).init(true).hostname("web").build();
        RuntimeSpecBuilder builder = RuntimeSpecBuilder.forContainer("abc", config, ImageConfig.EMPTY).rootfs(ROOTFS)
                .hostLimits(HostLimits.read(Path.of("src/test/resources/fixtures/oci/limits-hard-nofile-20000.txt")))
                .cgroupNamespace(true);
        assertEquals(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(builder.build()), builder.toJson());
        Map<String, Object> resources = LinuxResources.of(limits);
        assertEquals(JSON.std.asString(resources), LinuxResources.toJson(resources));
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
