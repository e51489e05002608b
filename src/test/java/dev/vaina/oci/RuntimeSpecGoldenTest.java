package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.ImageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated config.json compared with fixtures/oci/golden/CASE.json. The seccomp body (host architecture
 * and profile) is replaced by a marker and temp paths by names; rlimits come from a fixed limits file.
 * Run with -Dvaina.updateGolden=true to rewrite the fixtures after a deliberate change, then review the diff.
 */
class RuntimeSpecGoldenTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/oci");
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final Path ROOTFS = Path.of("/var/lib/vaina/overlay/" + ID + "/merged");
    private static final ImageConfig BUSYBOX = new ImageConfig(
            List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), null, List.of("sh"), null, null, null);
    private static final ImageConfig WITH_ENTRYPOINT = new ImageConfig(
            List.of("PATH=/opt/app/bin:/usr/bin:/bin", "APP_MODE=production"),
            List.of("/docker-entrypoint.sh"), List.of("nginx", "-g", "daemon off;"), "/srv", "app", null);

    @TempDir
    Path temp;
    private Path runDir;

    @BeforeEach
    void createRunDir() throws IOException {
        runDir = Files.createDirectories(temp.resolve("run"));
        for (String name : List.of("hostname", "hosts", "resolv.conf")) {
            Files.writeString(runDir.resolve(name), "");
        }
    }

    @Test
    void rootfulDefault() throws IOException {
        assertGolden("rootful-default", builder(TestConfigs.command(), BUSYBOX).rootless(false));
    }

    @Test
    void rootless_withLauncherBindMounts() throws IOException {
        assertGolden("rootless", builder(TestConfigs.command("sleep", "1000"), BUSYBOX).rootless(true)
                .extraMounts(List.of(new BindMount(runDir.resolve("hostname"), "/etc/hostname", false),
                        new BindMount(runDir.resolve("hosts"), "/etc/hosts", false),
                        new BindMount(runDir.resolve("resolv.conf"), "/etc/resolv.conf", true))));
    }

    @Test
    void userName_resolvedWithGroupsFromTheImage() throws IOException {
        assertGolden("user-name", builder(TestConfigs.command("id").user("app"), BUSYBOX));
    }

    @Test
    void tty_setsTerminalAndTerm() throws IOException {
        assertGolden("tty", builder(TestConfigs.command("sh").tty().hostname("shell").env("TERM", "vt100")
                .env("EDITOR", "vi"), BUSYBOX));
    }

    @Test
    void volumes_readOnlyAndReadWrite() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path cache = Files.createDirectories(temp.resolve("cache"));
        assertGolden("volumes", builder(TestConfigs.command("ls", "/data")
                .volumes(data + ":/data:ro", cache + ":/var/cache:rw,rshared,nodev"), BUSYBOX));
    }

    @Test
    void entrypointOverride_dropsTheImageCmd() throws IOException {
        assertGolden("entrypoint-override", builder(TestConfigs.command().entrypoint("/bin/sh", "-c")
                .env("APP_MODE", "debug").workingDir("/tmp"), WITH_ENTRYPOINT));
    }

    private RuntimeSpecBuilder builder(TestConfigs configs, ImageConfig image) {
        return RuntimeSpecBuilder.forContainer(ID, configs.build(), image)
                .rootfs(ROOTFS)
                .rootfsFiles(RootfsFiles.under(FIXTURES.resolve("image-etc")))
                .hostLimits(HostLimits.read(FIXTURES.resolve("limits-hard-nofile-20000.txt")))
                .cgroupNamespace(false);
    }

    @SuppressWarnings("unchecked")
    private void assertGolden(String name, RuntimeSpecBuilder builder) throws IOException {
        String configJson = builder.toJson();
        assertEquals(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(builder.build()), configJson,
                "config.json for case " + name + " as jackson-jr wrote it");
        Map<String, Object> spec = JSON.std.mapFrom(configJson);
        Map<String, Object> linux = (Map<String, Object>) spec.get("linux");
        Map<String, Object> seccomp = (Map<String, Object>) linux.get("seccomp");
        linux.put("seccomp", "<" + seccomp.get("defaultAction") + " profile, checked by SeccompProfileTest>");
        String actual = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(spec)
                .replace(temp.toString(), "$TEMP") + "\n";
        Path golden = FIXTURES.resolve("golden").resolve(name + ".json");
        if (Boolean.getBoolean("vaina.updateGolden")) {
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden), actual, "config.json for case " + name);
    }
}
